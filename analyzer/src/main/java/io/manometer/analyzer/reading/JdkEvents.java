package io.manometer.analyzer.reading;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Reads the JDK's own events into a {@link Recording}, as {@link AgentEvents} reads the agent's:
 * the heap and threads every verdict is set against, blocked writers, and what the rules that
 * judge without the agent need (heap histograms, allocation lines, thread starts, pools' workers).
 */
public final class JdkEvents {
    private JdkEvents() {}

    /**
     * The handlers of the JDK's events, by name: {@link RecordingReader#subscribe} registers them
     * with the agent's; the agent's live verdict registers them alone, under its lock, as it reads
     * its own events as they are written.
     */
    public static Map<String, Consumer<RecordedEvent>> handlers(Recording recording) {
        Map<String, Consumer<RecordedEvent>> handlers = new LinkedHashMap<>();
        handlers.put(EventNames.SOCKET_WRITE, e -> BlockedWrites.onWrite(recording, e, BlockedStage.Kind.SOCKET_WRITE));
        handlers.put(EventNames.FILE_WRITE, e -> BlockedWrites.onWrite(recording, e, BlockedStage.Kind.FILE_WRITE));
        handlers.put(EventNames.MONITOR_WAIT, e -> BlockedWrites.onMonitorWait(recording, e));
        handlers.put(EventNames.THREAD_PARK, e -> BlockedWrites.onPark(recording, e));
        RecordedEventFields fields = new RecordedEventFields();
        for (String plain : PLAIN) {
            handlers.put(plain, e -> readPlain(recording, plain, fields.of(e)));
        }
        handlers.put(EventNames.OLD_OBJECT_SAMPLE, e -> onOldObjectSample(recording, e));
        handlers.put(EventNames.JVM_INFORMATION, e -> recording.jvmStartNanos = epochNanos(e.getInstant("jvmStartTime")));
        return handlers;
    }

    /**
     * The handlers of the JDK's events that only the rules judging without the agent read (heap
     * histograms, allocation samples, thread starts): read from files, never by the agent's live
     * verdict, which has its own events and would pay for every allocation sample another
     * recording in its JVM enables. Once {@code agentSeen} says the agent's events were met, they
     * pass over the rest: those rules stand aside for the agent's, and an allocation sample's
     * stack walk is most of what reading one costs.
     */
    static Map<String, Consumer<RecordedEvent>> agentlessHandlers(Recording recording, BooleanSupplier agentSeen) {
        Map<String, Consumer<RecordedEvent>> handlers = new LinkedHashMap<>();
        handlers.put(EventNames.OBJECT_COUNT, e -> onObjectCount(recording, e, EventNames.OBJECT_COUNT));
        handlers.put(EventNames.OBJECT_COUNT_AFTER_GC, e -> onObjectCount(recording, e, EventNames.OBJECT_COUNT_AFTER_GC));
        handlers.put(EventNames.OBJECT_ALLOCATION_SAMPLE, e -> onAllocationSample(recording, e));
        handlers.put(EventNames.THREAD_START, e -> onThreadStart(recording, e));
        for (String workerEvent : List.of(EventNames.THREAD_PARK, EventNames.THREAD_SLEEP, EventNames.SOCKET_READ)) {
            handlers.put(workerEvent, e -> onWorkerEvent(recording, e, e.getThread(), e.getDuration().toNanos()));
        }
        handlers.put(EventNames.EXECUTION_SAMPLE, e -> onWorkerEvent(recording, e, e.getThread("sampledThread"), 0));
        handlers.put(EventNames.THREAD_DUMP, e -> recording.workerPools.dumped(e.getString("result"),
                epochNanos(e.getStartTime())));
        handlers.replaceAll((name, handler) -> e -> {
            if (agentSeen.getAsBoolean()) {
                recording.saw(name, epochNanos(e.getStartTime())); // still seen: the rules' needs are met
            } else {
                handler.accept(e);
            }
        });
        return handlers;
    }

    /**
     * The JDK's events every verdict is set against whose fields are plain numbers and text: read
     * alike from JFR's reader and from another one ({@link #readPlain}).
     */
    public static final List<String> PLAIN = List.of(EventNames.DATA_LOSS, EventNames.GC_HEAP_SUMMARY,
            EventNames.THREAD_STATISTICS, EventNames.GC_HEAP_CONFIGURATION);

    /**
     * Reads one of the {@link #PLAIN} events, whoever parsed it: JFR's reader here, JDK Mission
     * Control's item API in the rule plug-in. Any other name is ignored.
     */
    public static void readPlain(Recording recording, String name, EventFields e) {
        switch (name) {
            case EventNames.DATA_LOSS -> recording.lostDataBytes += e.getLong("amount");
            case EventNames.GC_HEAP_SUMMARY -> {
                if ("After GC".equals(e.getString("when"))) {
                    long t = e.startNanos();
                    recording.saw(EventNames.GC_HEAP_SUMMARY, t);
                    recording.heapAfterGc.add(t, e.getLong("heapUsed"), 0, 0);
                }
            }
            case EventNames.THREAD_STATISTICS -> {
                long t = e.startNanos();
                recording.saw(EventNames.THREAD_STATISTICS, t);
                long live = e.getLong("activeCount");
                long started = e.getLong("accumulatedCount");
                recording.threads.add(t, live, started, Math.max(0, started - live));
            }
            case EventNames.GC_HEAP_CONFIGURATION -> recording.heapMaxBytes = e.getLong("maxSize");
            default -> { }
        }
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

    private static void onObjectCount(Recording recording, RecordedEvent e, String name) {
        long t = epochNanos(e.getStartTime());
        recording.saw(name, t);
        RecordedClass type = e.getClass("objectClass");
        if (type != null) {
            recording.populations.count(type.getName(), t, e.getLong("count"), e.getLong("totalSize"));
        }
    }

    private static void onAllocationSample(Recording recording, RecordedEvent e) {
        recording.saw(EventNames.OBJECT_ALLOCATION_SAMPLE, epochNanos(e.getStartTime()));
        RecordedClass type = e.getClass("objectClass");
        RecordedStackTrace stack = e.getStackTrace();
        if (type != null) {
            recording.populations.allocated(type.getName(),
                    stack == null ? "" : JdkEventStacks.applicationFrame(stack, true),
                    () -> JdkEventStacks.format(stack), e.getLong("weight"));
        }
    }

    private static void onThreadStart(Recording recording, RecordedEvent e) {
        long t = epochNanos(e.getStartTime());
        recording.saw(EventNames.THREAD_START, t);
        RecordedStackTrace stack = e.getStackTrace();
        String site = stack == null ? "" : JdkEventStacks.applicationFrame(stack, false);
        recording.threadStarts.add(site, () -> JdkEventStacks.format(stack), 1);
        WorkerPools.Kind pool = stack == null ? null : WorkerPools.startedBy(stack);
        if (pool != null) {
            recording.workerPools.started(javaName(e.getThread("thread")), pool, t, site, () -> JdkEventStacks.format(stack));
        }
    }

    /** An event of some thread with its stack: a pool's worker waiting for work, or busy. */
    private static void onWorkerEvent(Recording recording, RecordedEvent e, RecordedThread thread, long durationNanos) {
        RecordedStackTrace stack = e.getStackTrace();
        WorkerPools.Kind pool = stack == null ? null : WorkerPools.workerOf(stack);
        if (pool == null) {
            return;
        }
        long t = epochNanos(e.getStartTime());
        recording.saw(e.getEventType().getName(), t);
        if (WorkerPools.waitingForWork(stack, pool)) {
            recording.workerPools.waited(javaName(thread), pool, t, t + durationNanos);
        } else {
            recording.workerPools.busy(javaName(thread), pool, t, JdkEventStacks.applicationFrame(stack, false),
                    () -> JdkEventStacks.format(stack));
        }
    }

    private static String javaName(RecordedThread thread) {
        return thread == null ? null : thread.getJavaName();
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
