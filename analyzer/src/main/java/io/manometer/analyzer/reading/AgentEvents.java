package io.manometer.analyzer.reading;

import io.manometer.schema.EventSchema;
import io.manometer.schema.EventSchema.AgentInfo;
import io.manometer.schema.EventSchema.AsyncLaunchSample;
import io.manometer.schema.EventSchema.ExecutorSample;
import io.manometer.schema.EventSchema.IgnoredRefusalSample;
import io.manometer.schema.EventSchema.MemoryBufferSample;
import io.manometer.schema.EventSchema.OutboundSample;
import io.manometer.schema.EventSchema.QueueSample;
import io.manometer.schema.EventSchema.Sites;
import io.manometer.schema.StackFrames;
import java.util.List;

/**
 * Reads the agent's own {@code manometer.*} events into a {@link Recording}: from a file or a
 * stream (a JFR {@code RecordedEvent}), or in the agent itself, the event as it is written, for
 * its live verdict. One reading for both, so a verdict made live is the verdict made offline.
 */
public final class AgentEvents {
    /** The events read here, by name. */
    public static final List<String> NAMES = List.of(EventNames.QUEUE_SAMPLE, EventNames.EXECUTOR_SAMPLE,
            EventNames.AGENT_INFO, EventNames.ASYNC_LAUNCH_SAMPLE, EventNames.MEMORY_BUFFER_SAMPLE,
            EventNames.OUTBOUND_SAMPLE, EventNames.IGNORED_REFUSAL_SAMPLE);

    private AgentEvents() {}

    /**
     * Reads one event named {@code name}, one of {@link #NAMES}; any other is ignored. An event that
     * lacks a field read here or holds it as another type (written by another agent, or not by the
     * agent at all) is counted as unreadable, not thrown: the report names it as a gap.
     */
    public static void read(Recording recording, String name, EventFields e) {
        try {
            dispatch(recording, name, e);
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException | ClassCastException problem) {
            recording.unreadable(name, problem);
        }
    }

    private static void dispatch(Recording recording, String name, EventFields e) {
        switch (name) {
            case EventSchema.QueueSample.NAME -> onQueueSample(recording, e);
            case EventSchema.ExecutorSample.NAME -> onExecutorSample(recording, e);
            case EventSchema.AgentInfo.NAME -> onAgentInfo(recording, e);
            case EventSchema.AsyncLaunchSample.NAME -> onLaunchSample(recording, e);
            case EventSchema.MemoryBufferSample.NAME -> onMemoryBufferSample(recording, e);
            case EventSchema.OutboundSample.NAME -> onOutboundSample(recording, e);
            case EventSchema.IgnoredRefusalSample.NAME -> onRefusalSample(recording, e);
            default -> { }
        }
    }

    private static void onQueueSample(Recording recording, EventFields e) {
        long t = e.startNanos();
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
            s.consumerThreads = e.getString(QueueSample.CONSUMER_THREADS);
            s.producerThreads = e.getString(QueueSample.PRODUCER_THREADS);
        }
        readPressure(s, e, QueueSample.REFUSED);
        readOldestWait(s, e, t, QueueSample.OLDEST_WAIT_MILLIS);
        s.samples.add(t, e.getLong(QueueSample.DEPTH), e.getLong(QueueSample.INSERTED), e.getLong(QueueSample.REMOVED));
    }

    /**
     * What a call site is known by: its number, where the agent wrote one (a live stream can hand
     * over an event before its text), else its text; null when it has neither yet.
     */
    private static String siteKey(EventFields e, String idField, String text) {
        if (e.hasField(idField)) {
            return "#" + e.getLong(idField);
        }
        return text.isEmpty() ? null : text;
    }

    /** Samples between two reads of a buffer's thread lists, which change rarely and cost a lookup each. */
    private static final int THREAD_LIST_EVERY = 16;

    private static void onLaunchSample(Recording recording, EventFields e) {
        long t = e.startNanos();
        recording.saw(EventNames.ASYNC_LAUNCH_SAMPLE, t);
        String site = e.getString(AsyncLaunchSample.LAUNCH_SITE);
        String key = siteKey(e, AsyncLaunchSample.SITE_ID, site);
        if (key == null) {
            return; // no number (an older agent) and no name yet: nothing to key it by
        }
        BufferSeries s = recording.series(BufferSeries.Subject.LAUNCH_SITE, key);
        if (!site.isEmpty() && !site.equals(s.createdAt)) { // named better once its stack was seen
            s.type = e.getString(AsyncLaunchSample.LAUNCH_KIND);
            s.createdAt = site;
            s.producerSite = site;
            s.producerStack = "";
        }
        if (s.producerStack.isEmpty() || s.samplesRead % THREAD_LIST_EVERY == 0) {
            s.producerStack = e.getString(AsyncLaunchSample.LAUNCH_STACK);
            s.creationStack = s.producerStack;
            s.createdBy = launchedVia(s.producerStack, site);
            s.producerThreads = e.getString(AsyncLaunchSample.LAUNCHING_THREADS);
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
    private static void describeWriter(BufferSeries s, EventFields e, String type, String site, String stack,
                                       String thread) {
        s.type = e.getString(type);
        s.createdAt = e.getString(site);
        s.producerSite = s.createdAt;
        s.producerStack = e.getString(stack);
        s.creationStack = s.producerStack;
        s.producerThread = e.getString(thread);
    }

    private static void onMemoryBufferSample(Recording recording, EventFields e) {
        long t = e.startNanos();
        recording.saw(EventNames.MEMORY_BUFFER_SAMPLE, t);
        BufferSeries s = recording.series(BufferSeries.Subject.MEMORY_BUFFER, e.getLong(MemoryBufferSample.BUFFER_ID));
        // A writer's line not captured at first (the budget was spent) is captured at a later growth.
        if (s.type.isEmpty() || s.createdAt.isEmpty()) {
            describeWriter(s, e, MemoryBufferSample.BUFFER_TYPE, MemoryBufferSample.WRITER_SITE,
                    MemoryBufferSample.WRITER_STACK, MemoryBufferSample.WRITER_THREAD);
        }
        s.samplesRead++;
        // Bytes are not counted in and out, only held: no rates to derive.
        s.samples.add(t, e.getLong(MemoryBufferSample.SIZE), -1, -1);
    }

    private static void onOutboundSample(Recording recording, EventFields e) {
        long t = e.startNanos();
        recording.saw(EventNames.OUTBOUND_SAMPLE, t);
        BufferSeries s = recording.series(BufferSeries.Subject.OUTBOUND, e.getLong(OutboundSample.GROUP_ID));
        if (s.type.isEmpty()) {
            describeWriter(s, e, OutboundSample.BUFFER_TYPE, OutboundSample.WRITER_SITE, OutboundSample.WRITER_STACK,
                    OutboundSample.WRITER_THREAD);
            s.transport = e.getString(OutboundSample.TRANSPORT);
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

    private static void onRefusalSample(Recording recording, EventFields e) {
        long t = e.startNanos();
        recording.saw(EventNames.IGNORED_REFUSAL_SAMPLE, t);
        String site = e.getString(IgnoredRefusalSample.CALL_SITE);
        String method = e.getString(IgnoredRefusalSample.CALLED_METHOD);
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
            r.stack = e.getString(IgnoredRefusalSample.CALL_STACK);
            r.threads = e.getString(IgnoredRefusalSample.THREADS);
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

    private static void onExecutorSample(Recording recording, EventFields e) {
        long t = e.startNanos();
        recording.saw(EventNames.EXECUTOR_SAMPLE, t);
        BufferSeries s = recording.series(BufferSeries.Subject.EXECUTOR, e.getLong(ExecutorSample.EXECUTOR_ID));
        if (s.samplesRead == 0) {
            s.capacity = e.getLong(ExecutorSample.QUEUE_CAPACITY);
        }
        readSites(s, e, ExecutorSample.EXECUTOR_TYPE);
        if (s.samplesRead == 0) {
            s.commonPool = e.hasField(ExecutorSample.COMMON_POOL) && e.getBoolean(ExecutorSample.COMMON_POOL);
            s.scheduled = e.hasField(ExecutorSample.SCHEDULED) && e.getBoolean(ExecutorSample.SCHEDULED);
            s.rejectionPolicy = e.hasField(ExecutorSample.REJECTION_POLICY)
                    ? e.getString(ExecutorSample.REJECTION_POLICY) : "";
        }
        readPressure(s, e, ExecutorSample.TASKS_REJECTED);
        readOldestWait(s, e, t, ExecutorSample.OLDEST_TASK_WAIT_MILLIS);
        if (e.hasField(ExecutorSample.POOL_SIZE)) {
            s.poolSize = e.getInt(ExecutorSample.POOL_SIZE);
        }
        s.samples.add(t, e.getLong(ExecutorSample.QUEUE_DEPTH), e.getLong(ExecutorSample.TASKS_SUBMITTED), e.getLong(ExecutorSample.TASKS_COMPLETED));
    }

    /**
     * The descriptive fields never change for a buffer, and a field looked up by name costs a search
     * of the event's fields: read them once per buffer (the producer site until it is known, since
     * it can be captured after the first sample).
     */
    private static void readSites(BufferSeries s, EventFields e, String typeField) {
        if (s.type.isEmpty()) {
            s.type = e.getString(typeField);
            s.createdAt = e.getString(Sites.CREATED_AT);
            s.createdBy = e.getString(Sites.CREATED_BY);
            s.creationStack = e.getString(Sites.CREATION_STACK);
        }
        // The producer site is captured once a buffer grows, and again later when the capture budget
        // was spent then, so it may come late: look for it on each of the first samples, then on
        // every THREAD_LIST_EVERY-th, not on every sample of a buffer that never grows.
        if (s.producerSite.isEmpty() && (s.samplesRead < THREAD_LIST_EVERY || s.samplesRead % THREAD_LIST_EVERY == 0)
                && e.hasField(Sites.PRODUCER_SITE)) {
            s.producerSite = e.getString(Sites.PRODUCER_SITE);
            s.producerStack = e.getString(Sites.PRODUCER_STACK);
            s.producerThread = e.getString(Sites.PRODUCER_THREAD);
        }
    }

    /** The agent's estimate of the oldest element's wait (agents before it wrote none: the field is looked for once). */
    private static void readOldestWait(BufferSeries s, EventFields e, long t, String field) {
        if (s.hasWaitField == null) {
            s.hasWaitField = e.hasField(field);
        }
        if (s.hasWaitField && t >= s.oldestWaitAtNanos) {
            s.oldestWaitMillis = e.getLong(field);
            s.oldestWaitAtNanos = t;
        }
    }

    private static void readPressure(BufferSeries s, EventFields e, String refusedField) {
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

    private static void onAgentInfo(Recording recording, EventFields e) {
        recording.saw(EventNames.AGENT_INFO, e.startNanos());
        recording.agentVersion = e.getString(AgentInfo.AGENT_VERSION);
        recording.schemaVersion = Math.max(recording.schemaVersion, e.getInt(AgentInfo.SCHEMA_VERSION));
        recording.agentWarnings = Math.max(recording.agentWarnings, e.getInt(AgentInfo.WARNINGS));
        recording.untrackedBuffers = Math.max(recording.untrackedBuffers, e.getLong(AgentInfo.UNTRACKED_BUFFERS));
        if (recording.jvmStartNanos < 0 && e.hasField(AgentInfo.JVM_START_EPOCH_MILLIS)
                && e.getLong(AgentInfo.JVM_START_EPOCH_MILLIS) > 0) {
            recording.jvmStartNanos = e.getLong(AgentInfo.JVM_START_EPOCH_MILLIS) * 1_000_000L;
        }
        if (e.hasField(AgentInfo.SKIPPED_PERIODS)) {
            recording.skippedPeriods = Math.max(recording.skippedPeriods, e.getLong(AgentInfo.SKIPPED_PERIODS));
        }
    }
}
