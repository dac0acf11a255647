package io.manometer.analyzer.reading;

import java.util.List;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Turns the JDK's own wait events into time writers spent blocked, per stage and line. The agent
 * instruments none of this: JFR already times socket and file writes, monitor waits and parks.
 */
final class BlockedWrites {
    private static final List<String> INSERTS = List.of("put", "offer", "putFirst", "putLast", "offerFirst",
            "offerLast", "transfer");

    private BlockedWrites() {}

    static void onWrite(Recording recording, RecordedEvent e, BlockedStage.Kind kind) {
        record(recording, e, kind, e.getStackTrace());
    }

    /** A PipedInputStream's writer waits on the pipe's monitor while the pipe is full. */
    static void onMonitorWait(Recording recording, RecordedEvent e) {
        RecordedClass monitor = e.getClass("monitorClass");
        if (monitor != null && monitor.getName().equals("java.io.PipedInputStream")) {
            RecordedStackTrace stack = e.getStackTrace();
            if (stack != null && inMethod(stack, "receive")) {
                record(recording, e, BlockedStage.Kind.PIPE, stack);
            }
        }
    }

    /** A producer parked inside a bounded queue's put/offer waits for room. */
    static void onPark(Recording recording, RecordedEvent e) {
        RecordedStackTrace stack = e.getStackTrace();
        if (stack == null) {
            return;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if ((type.endsWith("Queue") || type.endsWith("Deque")) && INSERTS.contains(frame.getMethod().getName())) {
                record(recording, e, BlockedStage.Kind.BOUNDED_QUEUE, stack);
                return;
            }
        }
    }

    private static boolean inMethod(RecordedStackTrace stack, String method) {
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod().getName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    private static void record(Recording recording, RecordedEvent e, BlockedStage.Kind kind, RecordedStackTrace stack) {
        long nanos = e.getDuration().toNanos();
        recording.saw(e.getEventType().getName(), e.getStartTime().getEpochSecond() * 1_000_000_000L
                + e.getStartTime().getNano());
        String site = stack == null ? "" : JdkEventStacks.applicationFrame(stack, false);
        String key = kind.name() + " " + site;
        BlockedStage stage = recording.blockedStages.get(key);
        if (stage == null) {
            if (recording.blockedStages.size() >= Recording.MAX_BLOCKED_STAGES) {
                recording.blockedElsewhereNanos += nanos;
                return;
            }
            stage = new BlockedStage(kind, site);
            stage.stack = stack == null ? "" : JdkEventStacks.format(stack);
            stage.thread = e.getThread() == null ? "" : String.valueOf(e.getThread().getJavaName());
            recording.blockedStages.put(key, stage);
        }
        stage.waits++;
        stage.totalNanos += nanos;
        stage.maxNanos = Math.max(stage.maxNanos, nanos);
    }
}
