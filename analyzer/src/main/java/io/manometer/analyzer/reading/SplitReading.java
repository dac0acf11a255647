package io.manometer.analyzer.reading;

import io.manometer.analyzer.reading.jfr.ChunkScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a recording in two passes at once. The agent's samples, nearly all of a dense recording's
 * events, are read by position ({@link ChunkScanner}), a large file's runs of chunks on several
 * threads, each into a part taken in in file order; JFR's reader takes the JDK's few events on
 * another thread, stepping over the agent's by their size. JFR's reader alone decodes
 * every field of every sample into objects and finds each field by name: several times slower.
 */
final class SplitReading {
    private static final Set<String> AGENT_EVENTS = Set.copyOf(AgentEvents.NAMES);

    /** Threads scanning runs of chunks at once, beside the one reading the JDK's events. */
    private static final int SCANNERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Runs of chunks shorter than this are not scanned apart: each part costs a merge of its series. */
    private static final long MIN_SEGMENT_BYTES = 32L << 20;

    /** Agent events between two reports of progress. */
    private static final long PROGRESS_EVERY = 1 << 20;

    private SplitReading() {}

    /**
     * The recording read from {@code source} (the file itself or a finished copy of it, laid out in
     * {@code chunks}), or empty when the positional reader does not read this file: then nothing was
     * reported and JFR's reader must read it all. {@code flushes[0]} gets the flush points JFR's
     * reader met.
     */
    static Optional<Recording> read(Path file, Path source, List<ChunkHeaders.Chunk> chunks,
            RecordingReader.Progress progress, int[] flushes) throws IOException {
        long bytes = chunks.stream().mapToLong(ChunkHeaders.Chunk::size).sum();
        return read(file, source, chunks, progress, flushes, Math.max(MIN_SEGMENT_BYTES, bytes / SCANNERS));
    }

    /** As above, scanning runs of chunks of at least {@code segmentBytes} apart (tests scan small files apart). */
    static Optional<Recording> read(Path file, Path source, List<ChunkHeaders.Chunk> chunks,
            RecordingReader.Progress progress, int[] flushes, long segmentBytes) throws IOException {
        Recording jdkEvents = new Recording(file);
        AtomicBoolean agentSeen = new AtomicBoolean();
        FutureTask<Integer> jdkReading = new FutureTask<>(
                () -> RecordingReader.streamJdkEvents(source, jdkEvents, agentSeen::get));
        Thread reader = new Thread(jdkReading, "manometer-jdk-event-reader");
        reader.setDaemon(true);
        reader.start();
        List<ChunkParallelReading.Segment> segments = ChunkParallelReading.segments(chunks, segmentBytes);
        ExecutorService scanners = Executors.newFixedThreadPool(SCANNERS, task -> {
            Thread t = new Thread(task, "manometer-sample-scanner");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Recording>> parts = new ArrayList<>();
            for (ChunkParallelReading.Segment segment : segments) {
                parts.add(scanners.submit(() -> scan(file, source, segment, progress, segments.size() == 1, agentSeen)));
            }
            Recording recording = new Recording(file);
            for (Future<Recording> part : parts) {
                recording.absorb(ReadingFutures.await(part));
                progress.eventsRead(recording.eventsRead);
            }
            flushes[0] = ReadingFutures.await(jdkReading);
            recording.absorb(jdkEvents);
            progress.eventsRead(recording.eventsRead);
            return Optional.of(recording);
        } catch (IOException | RuntimeException e) {
            jdkReading.cancel(true);
            return Optional.empty();
        } finally {
            scanners.shutdownNow();
        }
    }

    /**
     * The agent's events of one run of chunks; progress told as it goes when it is the only one,
     * and {@code agentSeen} set once the agent's own description is met.
     */
    private static Recording scan(Path file, Path source, ChunkParallelReading.Segment segment,
            RecordingReader.Progress progress, boolean tellProgress, AtomicBoolean agentSeen) throws IOException {
        Recording part = new Recording(file);
        ScannedEventFields fields = new ScannedEventFields();
        ChunkScanner.scan(source, segment.offset(), segment.offset() + segment.size(), AGENT_EVENTS, e -> {
            AgentEvents.read(part, e.name(), fields.of(e));
            if (part.agentPresent() && !agentSeen.get()) {
                agentSeen.set(true);
            }
            if (tellProgress && part.eventsRead % PROGRESS_EVERY == 0) {
                progress.eventsRead(part.eventsRead);
            }
        });
        return part;
    }
}
