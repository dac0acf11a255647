package io.manometer.analyzer.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import io.manometer.schema.StackFrames;
import io.manometer.schema.EventSchema.AgentInfo;
import io.manometer.schema.EventSchema.AsyncLaunchSample;
import io.manometer.schema.EventSchema.ExecutorSample;
import io.manometer.schema.EventSchema.IgnoredRefusalSample;
import io.manometer.schema.EventSchema.MemoryBufferSample;
import io.manometer.schema.EventSchema.OutboundSample;
import io.manometer.schema.EventSchema.QueueSample;
import io.manometer.schema.EventSchema.Sites;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
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

    public Recording read(Path file) throws RecordingReadException {
        return read(file, events -> { });
    }

    public Recording read(Path file, Progress progress) throws RecordingReadException {
        ChunkHeaders.Layout layout = checkLooksLikeRecording(file);
        Path source = file;
        try {
            if (!layout.finished()) {
                source = UnfinishedChunks.finishedCopy(file, layout);
            }
            return read(file, source, layout, progress);
        } catch (IOException e) {
            throw new RecordingReadException(file + ": its unfinished last chunk could not be copied to be read ("
                    + oneLine(e) + ")", e);
        } finally {
            if (source != file) {
                try {
                    Files.deleteIfExists(source);
                } catch (IOException e) {
                    source.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Reads {@code source}, the recording {@code file} itself or a finished copy of it. */
    private Recording read(Path file, Path source, ChunkHeaders.Layout layout, Progress progress)
            throws RecordingReadException {
        Recording recording;
        int[] flushCount = {0};
        try {
            recording = readAll(file, source, layout, progress, flushCount);
        } catch (RuntimeException | IOException | InternalError e) {
            throw new RecordingReadException(file + ": not a readable JFR recording ("
                    + oneLine(e) + "); is it truncated or still being written?", e);
        }
        recording.unfinished = !layout.finished();
        boolean endedEarly = flushCount[0] < layout.chunks().size()
                || !recording.agentPresent()
                || recording.lastEventNanos < layout.endEpochNanos() - SILENT_END_NANOS;
        if (endedEarly) {
            verifyWholeFile(file, source);
        }
        if (recording.schemaVersion > EventNames.SUPPORTED_SCHEMA) {
            throw new RecordingReadException(file + ": written by a newer Manometer agent (event schema "
                    + recording.schemaVersion + "); this analyzer reads schema " + EventNames.SUPPORTED_SCHEMA
                    + " and older; upgrade the analyzer");
        }
        return recording;
    }

    /** Reads every chunk, on several threads when worth it; {@code flushes[0]} gets the flush points met. */
    private static Recording readAll(Path file, Path source, ChunkHeaders.Layout layout, Progress progress,
            int[] flushes) throws IOException {
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
        int[] flushes = {0};
        try (EventStream stream = EventStream.openFile(file)) {
            stream.onFlush(() -> {
                flushes[0]++;
                onFlush.run();
            });
            stream.setOrdered(false);
            subscribe(stream, recording);
            stream.start();
        }
        return flushes[0];
    }

    /**
     * Registers on {@code stream} the handlers that fill {@code recording}: the same for a file and
     * for a live stream, so a verdict made live is the verdict made offline.
     */
    public static void subscribe(EventStream stream, Recording recording) {
        stream.onEvent(EventNames.QUEUE_SAMPLE, e -> onQueueSample(recording, e));
        stream.onEvent(EventNames.EXECUTOR_SAMPLE, e -> onExecutorSample(recording, e));
        stream.onEvent(EventNames.AGENT_INFO, e -> onAgentInfo(recording, e));
        stream.onEvent(EventNames.ASYNC_LAUNCH_SAMPLE, e -> onLaunchSample(recording, e));
        stream.onEvent(EventNames.MEMORY_BUFFER_SAMPLE, e -> onMemoryBufferSample(recording, e));
        stream.onEvent(EventNames.OUTBOUND_SAMPLE, e -> onOutboundSample(recording, e));
        stream.onEvent(EventNames.IGNORED_REFUSAL_SAMPLE, e -> onRefusalSample(recording, e));
        stream.onEvent(EventNames.SOCKET_WRITE, e -> BlockedWrites.onWrite(recording, e, BlockedStage.Kind.SOCKET_WRITE));
        stream.onEvent(EventNames.FILE_WRITE, e -> BlockedWrites.onWrite(recording, e, BlockedStage.Kind.FILE_WRITE));
        stream.onEvent(EventNames.MONITOR_WAIT, e -> BlockedWrites.onMonitorWait(recording, e));
        stream.onEvent(EventNames.THREAD_PARK, e -> BlockedWrites.onPark(recording, e));
        stream.onEvent(EventNames.DATA_LOSS, e -> recording.lostDataBytes += e.getLong("amount"));
        stream.onEvent(EventNames.GC_HEAP_SUMMARY, e -> onHeapSummary(recording, e));
        stream.onEvent(EventNames.THREAD_STATISTICS, e -> onThreadStatistics(recording, e));
        stream.onEvent(EventNames.GC_HEAP_CONFIGURATION, e -> recording.heapMaxBytes = e.getLong("maxSize"));
        stream.onEvent(EventNames.OLD_OBJECT_SAMPLE, e -> onOldObjectSample(recording, e));
        stream.onEvent(EventNames.JVM_INFORMATION, e -> recording.jvmStartNanos = epochNanos(e.getInstant("jvmStartTime")));
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

    private static void onQueueSample(Recording recording, RecordedEvent e) {
        long t = epochNanos(e.getStartTime());
        recording.saw(EventNames.QUEUE_SAMPLE, t);
        BufferSeries s = recording.series(BufferSeries.Subject.QUEUE, e.getLong(QueueSample.BUFFER_ID));
        if (s.samplesRead == 0) {
            s.capacity = e.getLong(QueueSample.CAPACITY); // fixed for the life of a queue
            s.scheduled = e.hasField(QueueSample.DELAYED) && e.getBoolean(QueueSample.DELAYED);
        }
        readSites(s, e, QueueSample.BUFFER_TYPE);
        // Consumers are often seen only after the first samples: look at every other one until some are.
        boolean early = s.samplesRead < THREAD_LIST_EVERY && s.samplesRead % 2 == 0 && s.consumerThreads.isEmpty();
        if (s.hasThreadFields == null) {
            s.hasThreadFields = e.hasField(QueueSample.CONSUMER_THREADS);
        }
        if ((early || s.samplesRead % THREAD_LIST_EVERY == 0) && s.hasThreadFields) {
            s.consumerThreads = orEmpty(e.getString(QueueSample.CONSUMER_THREADS));
            s.producerThreads = orEmpty(e.getString(QueueSample.PRODUCER_THREADS));
        }
        readPressure(s, e, QueueSample.REFUSED);
        readOldestWait(s, e, t, QueueSample.OLDEST_WAIT_MILLIS);
        s.samples.add(t, e.getLong(QueueSample.DEPTH), e.getLong(QueueSample.INSERTED), e.getLong(QueueSample.REMOVED));
    }

    /**
     * What a call site is known by: its number, where the agent wrote one (a live stream can hand
     * over an event before its text), else its text; null when it has neither yet.
     */
    private static String siteKey(RecordedEvent e, String idField, String text) {
        if (e.hasField(idField)) {
            return "#" + e.getLong(idField);
        }
        return text.isEmpty() ? null : text;
    }

    /** Samples between two reads of a buffer's thread lists, which change rarely and cost a lookup each. */
    private static final int THREAD_LIST_EVERY = 16;

    private static void onLaunchSample(Recording recording, RecordedEvent e) {
        long t = epochNanos(e.getStartTime());
        recording.saw(EventNames.ASYNC_LAUNCH_SAMPLE, t);
        String site = orEmpty(e.getString(AsyncLaunchSample.LAUNCH_SITE));
        String key = siteKey(e, AsyncLaunchSample.SITE_ID, site);
        if (key == null) {
            return; // no number (an older agent) and no name yet: nothing to key it by
        }
        BufferSeries s = recording.series(BufferSeries.Subject.LAUNCH_SITE, key);
        if (!site.isEmpty() && !site.equals(s.createdAt)) { // named better once its stack was seen
            s.type = orEmpty(e.getString(AsyncLaunchSample.LAUNCH_KIND));
            s.createdAt = site;
            s.producerSite = site;
            s.producerStack = "";
        }
        if (s.producerStack.isEmpty() || s.samplesRead % THREAD_LIST_EVERY == 0) {
            s.producerStack = orEmpty(e.getString(AsyncLaunchSample.LAUNCH_STACK));
            s.creationStack = s.producerStack;
            s.createdBy = launchedVia(s.producerStack, site);
            s.producerThreads = orEmpty(e.getString(AsyncLaunchSample.LAUNCHING_THREADS));
            s.producerThread = s.producerThreadNames().isEmpty() ? "" : s.producerThreadNames().get(0);
        }
        if (s.hasLauncherFields == null) { // agents before it wrote no looks at the launchers
            s.hasLauncherFields = e.hasField(AsyncLaunchSample.LAUNCHER_LOOKS);
        }
        if (s.hasLauncherFields) {
            s.launcherLooks = Math.max(s.launcherLooks, e.getLong(AsyncLaunchSample.LAUNCHER_LOOKS));
            s.launcherWaits = Math.max(s.launcherWaits, e.getLong(AsyncLaunchSample.LAUNCHER_WAITS));
        }
        s.samplesRead++;
        s.samples.add(t, e.getLong(AsyncLaunchSample.IN_FLIGHT), e.getLong(AsyncLaunchSample.LAUNCHED), e.getLong(AsyncLaunchSample.COMPLETED));
    }

    /**
     * The launching call itself when the agent named the application's line further out (a
     * library's launch on the application's behalf): the innermost frame, shown beside the site.
     */
    private static String launchedVia(String stack, String site) {
        int end = stack.indexOf(StackFrames.SEPARATOR);
        String innermost = end < 0 ? stack : stack.substring(0, end);
        return innermost.equals(site) ? "" : innermost;
    }

    /**
     * The library call the application's line made ({@code Channel.writeAndFlush}, {@code onNext}):
     * the frame just inside the site; the site itself when it is the innermost frame or absent.
     */
    private static String calledBy(String stack, String site) {
        int at = site.isEmpty() ? -1 : stack.indexOf(StackFrames.SEPARATOR + site);
        if (at < 0) {
            return site;
        }
        int start = stack.lastIndexOf(StackFrames.SEPARATOR, at - 1);
        return stack.substring(start + 1, at);
    }

    /**
     * A buffer known by the line that writes into it, not by where it was made: that line stands
     * for both, as it is the one to fix.
     */
    private static void describeWriter(BufferSeries s, RecordedEvent e, String type, String site, String stack,
                                       String thread) {
        s.type = orEmpty(e.getString(type));
        s.createdAt = orEmpty(e.getString(site));
        s.producerSite = s.createdAt;
        s.producerStack = orEmpty(e.getString(stack));
        s.creationStack = s.producerStack;
        s.producerThread = orEmpty(e.getString(thread));
    }

    private static void onMemoryBufferSample(Recording recording, RecordedEvent e) {
        long t = epochNanos(e.getStartTime());
        recording.saw(EventNames.MEMORY_BUFFER_SAMPLE, t);
        BufferSeries s = recording.series(BufferSeries.Subject.MEMORY_BUFFER, e.getLong(MemoryBufferSample.BUFFER_ID));
        if (s.type.isEmpty()) {
            describeWriter(s, e, MemoryBufferSample.BUFFER_TYPE, MemoryBufferSample.WRITER_SITE,
                    MemoryBufferSample.WRITER_STACK, MemoryBufferSample.WRITER_THREAD);
        }
        s.samplesRead++;
        // Bytes are not counted in and out, only held: no rates to derive.
        s.samples.add(t, e.getLong(MemoryBufferSample.SIZE), -1, -1);
    }

    private static void onOutboundSample(Recording recording, RecordedEvent e) {
        long t = epochNanos(e.getStartTime());
        recording.saw(EventNames.OUTBOUND_SAMPLE, t);
        BufferSeries s = recording.series(BufferSeries.Subject.OUTBOUND, e.getLong(OutboundSample.GROUP_ID));
        if (s.type.isEmpty()) {
            describeWriter(s, e, OutboundSample.BUFFER_TYPE, OutboundSample.WRITER_SITE, OutboundSample.WRITER_STACK,
                    OutboundSample.WRITER_THREAD);
            s.transport = orEmpty(e.getString(OutboundSample.TRANSPORT));
            s.createdBy = calledBy(s.producerStack, s.createdAt);
        }
        s.samplesRead++;
        s.connections = e.getInt(OutboundSample.CONNECTIONS);
        s.writes = Math.max(s.writes, e.getLong(OutboundSample.WRITES));
        s.writesWhileUnwritable = Math.max(s.writesWhileUnwritable, e.getLong(OutboundSample.WRITES_WHILE_UNWRITABLE));
        s.becameUnwritable = Math.max(s.becameUnwritable, e.getLong(OutboundSample.BECAME_UNWRITABLE));
        s.maxConnectionPending = Math.max(s.maxConnectionPending, e.getLong(OutboundSample.MAX_PENDING));
        // Bytes go in counted; what leaves is only what is no longer pending, so no rate out.
        s.samples.add(t, e.getLong(OutboundSample.PENDING), e.getLong(OutboundSample.BYTES_ADDED), -1);
    }

    private static void onRefusalSample(Recording recording, RecordedEvent e) {
        long t = epochNanos(e.getStartTime());
        recording.saw(EventNames.IGNORED_REFUSAL_SAMPLE, t);
        String site = orEmpty(e.getString(IgnoredRefusalSample.CALL_SITE));
        String method = orEmpty(e.getString(IgnoredRefusalSample.CALLED_METHOD));
        String key = siteKey(e, IgnoredRefusalSample.SITE_ID, site.isEmpty() || method.isEmpty() ? "" : site + " " + method);
        if (key == null) {
            return;
        }
        RefusalSite r = recording.refusalSites.computeIfAbsent(key, k -> new RefusalSite(site, method));
        if (!site.isEmpty() && !method.isEmpty() && !site.equals(r.site)) { // named better once its stack was seen
            r.site = site;
            r.calledMethod = method;
        }
        if (r.stack.isEmpty()) {
            r.stack = orEmpty(e.getString(IgnoredRefusalSample.CALL_STACK));
            r.threads = orEmpty(e.getString(IgnoredRefusalSample.THREADS));
        }
        long refused = e.getLong(IgnoredRefusalSample.REFUSED);
        if (t < r.firstSeenNanos) {
            r.refusedAtFirstSample = refused;
        }
        r.refused = Math.max(r.refused, refused);
        if (e.hasField(IgnoredRefusalSample.RETRIED)) { // agents before it did not watch for retries
            r.retried = Math.max(r.retried, e.getLong(IgnoredRefusalSample.RETRIED));
        }
        r.firstSeenNanos = Math.min(r.firstSeenNanos, t);
        r.lastSeenNanos = Math.max(r.lastSeenNanos, t);
    }

    private static void onExecutorSample(Recording recording, RecordedEvent e) {
        long t = epochNanos(e.getStartTime());
        recording.saw(EventNames.EXECUTOR_SAMPLE, t);
        BufferSeries s = recording.series(BufferSeries.Subject.EXECUTOR, e.getLong(ExecutorSample.EXECUTOR_ID));
        if (s.samplesRead == 0) {
            s.capacity = e.getLong(ExecutorSample.QUEUE_CAPACITY);
        }
        readSites(s, e, ExecutorSample.EXECUTOR_TYPE);
        if (s.samplesRead == 0) {
            s.commonPool = e.hasField(ExecutorSample.COMMON_POOL) && e.getBoolean(ExecutorSample.COMMON_POOL);
            s.scheduled = e.hasField(ExecutorSample.SCHEDULED) && e.getBoolean(ExecutorSample.SCHEDULED);
        }
        readPressure(s, e, ExecutorSample.TASKS_REJECTED);
        readOldestWait(s, e, t, ExecutorSample.OLDEST_TASK_WAIT_MILLIS);
        s.samples.add(t, e.getLong(ExecutorSample.QUEUE_DEPTH), e.getLong(ExecutorSample.TASKS_SUBMITTED), e.getLong(ExecutorSample.TASKS_COMPLETED));
    }

    /**
     * The descriptive fields never change for a buffer, and a field looked up by name costs a search
     * of the event's fields: read them once per buffer (the producer site until it is known, since
     * it can be captured after the first sample).
     */
    private static void readSites(BufferSeries s, RecordedEvent e, String typeField) {
        if (s.type.isEmpty()) {
            s.type = orEmpty(e.getString(typeField));
            s.createdAt = orEmpty(e.getString(Sites.CREATED_AT));
            s.createdBy = orEmpty(e.getString(Sites.CREATED_BY));
            s.creationStack = orEmpty(e.getString(Sites.CREATION_STACK));
        }
        // The producer site is captured once a buffer grows, and again later when the capture budget
        // was spent then, so it may come late: look for it on each of the first samples, then on
        // every THREAD_LIST_EVERY-th, not on every sample of a buffer that never grows.
        if (s.producerSite.isEmpty() && (s.samplesRead < THREAD_LIST_EVERY || s.samplesRead % THREAD_LIST_EVERY == 0)
                && e.hasField(Sites.PRODUCER_SITE)) {
            s.producerSite = orEmpty(e.getString(Sites.PRODUCER_SITE));
            s.producerStack = orEmpty(e.getString(Sites.PRODUCER_STACK));
            s.producerThread = orEmpty(e.getString(Sites.PRODUCER_THREAD));
        }
    }

    /** The agent's estimate of the oldest element's wait (agents before it wrote none: the field is looked for once). */
    private static void readOldestWait(BufferSeries s, RecordedEvent e, long t, String field) {
        if (s.hasWaitField == null) {
            s.hasWaitField = e.hasField(field);
        }
        if (s.hasWaitField && t >= s.oldestWaitAtNanos) {
            s.oldestWaitMillis = e.getLong(field);
            s.oldestWaitAtNanos = t;
        }
    }

    private static void readPressure(BufferSeries s, RecordedEvent e, String refusedField) {
        if (s.hasPressureFields == null) { // fields added after schema 1 was first written
            s.hasPressureFields = e.hasField(QueueSample.AT_CAPACITY) && e.hasField(refusedField);
        }
        s.samplesRead++;
        if (s.hasPressureFields) {
            // Only a known bound can be reached: spare the lookup for the rest. A queue of unknown
            // bound can still refuse, so refusals are read for every one.
            if (s.capacity >= 0 && e.getBoolean(QueueSample.AT_CAPACITY)) {
                s.samplesAtCapacity++;
            }
            s.refused = Math.max(s.refused, e.getLong(refusedField));
        }
    }


    private static void onHeapSummary(Recording recording, RecordedEvent e) {
        if ("After GC".equals(e.getString("when"))) {
            long t = epochNanos(e.getStartTime());
            recording.saw(EventNames.GC_HEAP_SUMMARY, t);
            recording.heapAfterGc.add(t, e.getLong("heapUsed"), 0, 0);
        }
    }

    private static void onThreadStatistics(Recording recording, RecordedEvent e) {
        long t = epochNanos(e.getStartTime());
        recording.saw(EventNames.THREAD_STATISTICS, t);
        long live = e.getLong("activeCount");
        long started = e.getLong("accumulatedCount");
        recording.threads.add(t, live, started, Math.max(0, started - live));
    }

    private static void onOldObjectSample(Recording recording, RecordedEvent e) {
        recording.saw(EventNames.OLD_OBJECT_SAMPLE, epochNanos(e.getStartTime()));
        RecordedObject object = e.hasField("object") ? e.getValue("object") : null;
        RecordedClass type = object != null && object.hasField("type") ? object.getClass("type") : null;
        RecordedStackTrace stack = e.getStackTrace();
        recording.retained.add(type == null ? "(unknown type)" : type.getName(),
                stack == null ? "" : JdkEventStacks.applicationFrame(stack, true),
                stack == null ? "" : JdkEventStacks.format(stack));
    }

    private static void onAgentInfo(Recording recording, RecordedEvent e) {
        recording.saw(EventNames.AGENT_INFO, epochNanos(e.getStartTime()));
        recording.agentVersion = orEmpty(e.getString(AgentInfo.AGENT_VERSION));
        recording.schemaVersion = Math.max(recording.schemaVersion, e.getInt(AgentInfo.SCHEMA_VERSION));
        recording.agentWarnings = Math.max(recording.agentWarnings, e.getInt(AgentInfo.WARNINGS));
        recording.untrackedBuffers = Math.max(recording.untrackedBuffers, e.getLong(AgentInfo.UNTRACKED_BUFFERS));
        if (e.hasField(AgentInfo.SKIPPED_PERIODS)) {
            recording.skippedPeriods = Math.max(recording.skippedPeriods, e.getLong(AgentInfo.SKIPPED_PERIODS));
        }
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String oneLine(Throwable t) {
        String message = t.getMessage();
        String text = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
        return text.replace('\n', ' ').trim();
    }
}
