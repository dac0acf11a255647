package io.manometer.analyzer.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordingFile;

/**
 * Streams a recording once, event by event, into a {@link Recording}. The file is never loaded
 * whole: events arrive unordered (JFR then needs no buffering across chunks) and each handler
 * keeps only a few numbers per sample. A large recording of several chunks is read on several
 * threads ({@link ChunkParallelReading}).
 */
public final class RecordingReader {
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    /** Agent samples ending this long before the recording does make the reader double-check the file. */
    private static final long SILENT_END_NANOS = 5_000_000_000L;

    /**
     * Told, at each of the recording's flush points, how many of the events the analyzer reads it
     * has read so far (a subscription to every event would make JFR decode events it now skips).
     */
    public interface Progress {
        void eventsRead(long events);
    }

    /** Which reader takes the agent's samples. */
    public enum SampleReader {
        /** By position ({@link io.manometer.analyzer.reading.jfr.ChunkScanner}), else JFR's when it cannot. */
        POSITIONAL,
        /** JFR's own ({@code jdk.jfr.consumer}): slower, and the reference the positional one is checked against. */
        JFR
    }

    private final SampleReader sampleReader;

    public RecordingReader() {
        this(SampleReader.POSITIONAL);
    }

    public RecordingReader(SampleReader sampleReader) {
        this.sampleReader = sampleReader;
    }

    public Recording read(Path file) throws RecordingReadException {
        return read(file, events -> { });
    }

    /** Ticks converted to time may land this far past a chunk's declared end without damage. */
    private static final long CLOCK_SLACK_NANOS = 1_000_000_000L;

    public Recording read(Path file, Progress progress) throws RecordingReadException {
        ChunkHeaders.Layout layout = checkLooksLikeRecording(file);
        List<String> damage = layout.damage();
        boolean unfinished = !layout.finished();
        Path source = file;
        try {
            if (!damage.isEmpty() || unfinished) {
                // Only the whole chunks, each marked finished: JFR's reader would stop at the damage,
                // or wait forever for an unfinished chunk to finish.
                source = ChunkCopy.of(file, layout.chunks());
                layout = new ChunkHeaders.Layout(copiedChunks(layout.chunks()), layout.startEpochNanos(),
                        layout.endEpochNanos(), List.of());
            }
            Recording recording = read(file, source, layout, progress);
            recording.damage.addAll(0, damage);
            if (!unfinished && recording.lastEventNanos > layout.endEpochNanos() + CLOCK_SLACK_NANOS) {
                // No event is committed after its chunk ends: a chunk header's clock is damaged.
                recording.damage.add("events are timed after the recording's end: a chunk header's clock is damaged, "
                        + "so the times and rates read from it cannot be trusted");
            }
            recording.unfinished = unfinished;
            return recording;
        } catch (IOException e) {
            throw new RecordingReadException(file + ": its readable chunks could not be copied to be read ("
                    + oneLine(e) + ")", e);
        } finally {
            if (source != file) {
                ChunkCopy.delete(source);
            }
        }
    }

    /** Where {@code chunks} lie in their {@link ChunkCopy}: one after another, finished. */
    private static List<ChunkHeaders.Chunk> copiedChunks(List<ChunkHeaders.Chunk> chunks) {
        List<ChunkHeaders.Chunk> copied = new ArrayList<>();
        long at = 0;
        for (ChunkHeaders.Chunk chunk : chunks) {
            copied.add(new ChunkHeaders.Chunk(at, chunk.size()));
            at += chunk.size();
        }
        return copied;
    }

    /**
     * Reads {@code source}, the recording {@code file} itself or a copy of its readable chunks; a
     * file JFR's reader gives up on is read chunk by chunk, and what could not be read is named.
     */
    private Recording read(Path file, Path source, ChunkHeaders.Layout layout, Progress progress)
            throws RecordingReadException {
        Recording recording;
        int[] flushCount = {0};
        try {
            recording = StallGuard.read(() -> {
                Recording read = readAll(file, source, layout, progress, flushCount);
                boolean endedEarly = flushCount[0] < layout.chunks().size()
                        || !read.agentPresent()
                        || read.lastEventNanos < layout.endEpochNanos() - SILENT_END_NANOS;
                if (endedEarly) {
                    verifyWholeFile(file, source);
                }
                return read;
            }, layout.chunks().stream().mapToLong(ChunkHeaders.Chunk::size).sum());
        } catch (RuntimeException | IOException | InternalError | StackOverflowError | OutOfMemoryError e) {
            RecordingReadException why = e.getCause() instanceof RecordingReadException corrupt ? corrupt
                    : new RecordingReadException(file + ": not a readable JFR recording (" + oneLine(e)
                            + "); is it truncated or still being written?", e);
            recording = DamagedChunks.salvage(file, source, layout, why);
        }
        if (recording.schemaVersion > EventNames.SUPPORTED_SCHEMA) {
            throw new RecordingReadException(file + ": written by a newer Manometer agent (event schema "
                    + recording.schemaVersion + "); this analyzer reads schema " + EventNames.SUPPORTED_SCHEMA
                    + " and older; upgrade the analyzer");
        }
        return recording;
    }

    /**
     * Reads every chunk: the agent's events by position while JFR's reader takes the JDK's; when the
     * file is not one the positional reader reads, JFR's reader takes all, on several threads when
     * worth it. {@code flushes[0]} gets the flush points met.
     */
    private Recording readAll(Path file, Path source, ChunkHeaders.Layout layout, Progress progress,
            int[] flushes) throws IOException {
        Optional<Recording> split = sampleReader == SampleReader.POSITIONAL
                ? SplitReading.read(file, source, layout.chunks(), progress, flushes) : Optional.empty();
        if (split.isPresent()) {
            return split.get();
        }
        Optional<ChunkParallelReading> parallel = ChunkParallelReading.prepare(source, layout);
        if (parallel.isPresent()) {
            Recording recording = new Recording(file);
            try {
                flushes[0] = parallel.get().readInto(recording, RecordingReader::stream, progress);
                return recording;
            } catch (ChunkParallelReading.CopyFailed e) {
                // No room for the chunk copies: read it again, in one pass, with nothing copied.
            }
        }
        Recording recording = new Recording(file);
        flushes[0] = stream(source, recording, () -> progress.eventsRead(recording.eventsRead));
        return recording;
    }

    /**
     * Streams one file (a whole recording or one chunk of it) into {@code recording}, calling
     * {@code onFlush} at each flush point; returns how many there were.
     */
    static int stream(Path file, Recording recording, Runnable onFlush) throws IOException {
        return stream(file, onFlush, stream -> subscribe(stream, recording));
    }

    /**
     * Streams the JDK's events alone from {@code file} into {@code recording}, while another thread
     * reads the agent's and says through {@code agentSeen} once it has met them; returns the flush
     * points met.
     */
    static int streamJdkEvents(Path file, Recording recording, BooleanSupplier agentSeen) throws IOException {
        return stream(file, () -> { }, stream -> {
            JdkEvents.handlers(recording).forEach(stream::onEvent);
            JdkEvents.agentlessHandlers(recording, agentSeen).forEach(stream::onEvent);
        });
    }

    private static int stream(Path file, Runnable onFlush, Consumer<EventStream> handlers) throws IOException {
        int[] flushes = {0};
        try (EventStream stream = EventStream.openFile(file)) {
            stream.onFlush(() -> {
                flushes[0]++;
                onFlush.run();
            });
            stream.setOrdered(false);
            handlers.accept(stream); // JFR steps over the events of other types by their size
            stream.start();
        }
        return flushes[0];
    }

    /**
     * Registers on {@code stream} the handlers that fill {@code recording} from a file or a stream:
     * the agent's events are read by {@link AgentEvents}, as the agent's live verdict reads them.
     */
    public static void subscribe(EventStream stream, Recording recording) {
        RecordedEventFields fields = new RecordedEventFields(); // the stream's handlers run on one thread
        for (String name : AgentEvents.NAMES) {
            stream.onEvent(name, e -> AgentEvents.read(recording, name, fields.of(e)));
        }
        JdkEvents.handlers(recording).forEach(stream::onEvent);
        JdkEvents.agentlessHandlers(recording, recording::agentPresent).forEach(stream::onEvent);
    }

    /**
     * JFR's file stream ends quietly when it meets a corrupt chunk, which would pass for a healthy
     * recording with fewer events. When the stream looks to have ended early, read the file again
     * with {@link RecordingFile}, which does report corruption.
     */
    private static void verifyWholeFile(Path file, Path source) throws RecordingReadException {
        try (RecordingFile events = new RecordingFile(source)) {
            while (events.hasMoreEvents()) {
                events.readEvent();
            }
        } catch (IOException | RuntimeException | InternalError e) {
            throw new RecordingReadException(file + ": corrupt JFR recording (" + oneLine(e) + ")", e);
        }
    }

    private static ChunkHeaders.Layout checkLooksLikeRecording(Path file) throws RecordingReadException {
        if (!Files.exists(file)) {
            throw new RecordingReadException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new RecordingReadException(file + ": is a directory, not a JFR recording");
        }
        byte[] head = new byte[JFR_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new RecordingReadException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new RecordingReadException(file + ": permission denied");
        } catch (IOException e) {
            throw new RecordingReadException(file + ": cannot be read (" + oneLine(e) + ")");
        }
        if (read == 0) {
            throw new RecordingReadException(file + ": is empty, not a JFR recording");
        }
        for (int i = 0; i < JFR_MAGIC.length; i++) {
            if (i >= read || head[i] != JFR_MAGIC[i]) {
                throw new RecordingReadException(file + ": not a JFR recording (no JFR file header)");
            }
        }
        try {
            return ChunkHeaders.check(file);
        } catch (IOException e) {
            throw new RecordingReadException(file + ": cannot be read (" + oneLine(e) + ")");
        }
    }

    static String oneLine(Throwable t) {
        String message = t.getMessage();
        String text = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
        // A damaged file's bytes reach the message (a type name with a carriage return in it): any
        // control character would break the one line a tool's error must be.
        return text.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", " ").trim();
    }
}
