package io.manometer.analyzer.reading;

import io.manometer.schema.EventSchema;

/**
 * The events the analyzer reads: the agent's, whose names come from the event contract
 * ({@link EventSchema}, documented in docs/events.md), and the JDK's.
 */
public final class EventNames {
    public static final String QUEUE_SAMPLE = EventSchema.QueueSample.NAME;
    public static final String EXECUTOR_SAMPLE = EventSchema.ExecutorSample.NAME;
    public static final String ASYNC_LAUNCH_SAMPLE = EventSchema.AsyncLaunchSample.NAME;
    public static final String IGNORED_REFUSAL_SAMPLE = EventSchema.IgnoredRefusalSample.NAME;
    public static final String MEMORY_BUFFER_SAMPLE = EventSchema.MemoryBufferSample.NAME;
    public static final String OUTBOUND_SAMPLE = EventSchema.OutboundSample.NAME;
    public static final String SOCKET_WRITE = "jdk.SocketWrite";
    public static final String FILE_WRITE = "jdk.FileWrite";
    public static final String MONITOR_WAIT = "jdk.JavaMonitorWait";
    public static final String THREAD_PARK = "jdk.ThreadPark";
    public static final String AGENT_INFO = EventSchema.AgentInfo.NAME;
    public static final String DATA_LOSS = "jdk.DataLoss";
    public static final String GC_HEAP_SUMMARY = "jdk.GCHeapSummary";
    public static final String GC_HEAP_CONFIGURATION = "jdk.GCHeapConfiguration";
    public static final String THREAD_STATISTICS = "jdk.JavaThreadStatistics";
    public static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    /** Heap histograms: live instances and bytes of each type, each period, and after a full collection. */
    public static final String OBJECT_COUNT = "jdk.ObjectCount";
    public static final String OBJECT_COUNT_AFTER_GC = "jdk.ObjectCountAfterGC";
    public static final String OBJECT_ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    public static final String THREAD_START = "jdk.ThreadStart";
    /** What a pool's workers do when they are not waiting for work: on the CPU, asleep, reading. */
    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String THREAD_SLEEP = "jdk.ThreadSleep";
    public static final String SOCKET_READ = "jdk.SocketRead";
    /** Every thread's stack at a chunk's end: the pools' workers, waiting for work or busy. */
    public static final String THREAD_DUMP = "jdk.ThreadDump";
    /** When the JVM started: warm-ups count from there, whenever the recording began. */
    public static final String JVM_INFORMATION = "jdk.JVMInformation";
    /** Every event the reader handles, for tools that must read the same (the read-speed baseline). */
    public static final java.util.List<String> READ = java.util.List.of(QUEUE_SAMPLE, EXECUTOR_SAMPLE,
            ASYNC_LAUNCH_SAMPLE, IGNORED_REFUSAL_SAMPLE, MEMORY_BUFFER_SAMPLE, OUTBOUND_SAMPLE, AGENT_INFO, DATA_LOSS, GC_HEAP_SUMMARY,
            GC_HEAP_CONFIGURATION, THREAD_STATISTICS, SOCKET_WRITE, FILE_WRITE, MONITOR_WAIT, THREAD_PARK,
            OLD_OBJECT_SAMPLE, JVM_INFORMATION, OBJECT_COUNT, OBJECT_COUNT_AFTER_GC, OBJECT_ALLOCATION_SAMPLE,
            THREAD_START, EXECUTION_SAMPLE, THREAD_SLEEP, SOCKET_READ, THREAD_DUMP);

    /**
     * The agent's periodic samples: what a recording made for judging (a test's, the agent's live
     * stream) enables at its own sample period.
     */
    public static final java.util.List<String> SAMPLED = java.util.List.of(QUEUE_SAMPLE, EXECUTOR_SAMPLE,
            ASYNC_LAUNCH_SAMPLE, IGNORED_REFUSAL_SAMPLE, MEMORY_BUFFER_SAMPLE, OUTBOUND_SAMPLE,
            EventSchema.BufferSummary.NAME);

    /** Newest manometer event schema this analyzer understands: the one it was built with. */
    public static final int SUPPORTED_SCHEMA = EventSchema.VERSION;

    private EventNames() {}
}
