package io.manometer.benchmarks.cpu;

import io.manometer.schema.EventSchema;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the agent counted in a recording, per unit of work: elements put into queues, tasks submitted
 * to executors, asynchronous launches. Each is one pass through the agent's advice, so these
 * counts times the per-operation costs JMH measures are a model of the agent's cost on the hot path.
 * A buffer's count is its last cumulative value less its first (all buffers are described while
 * they are few; more than {@code max.buffers} and the least deep go uncounted).
 *
 * <p>{@code OperationsCounted RECORDING.jfr UNITS}: prints {@code inserts submits launches} per unit.
 */
public final class OperationsCounted {
    private OperationsCounted() {}

    public static void main(String[] args) throws Exception {
        double units = Double.parseDouble(args[1]);
        Map<String, long[]> firstAndLast = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            String counter = type.equals(EventSchema.QueueSample.NAME) ? EventSchema.QueueSample.INSERTED
                    : type.equals(EventSchema.ExecutorSample.NAME) ? EventSchema.ExecutorSample.TASKS_SUBMITTED
                    : type.equals(EventSchema.AsyncLaunchSample.NAME) ? EventSchema.AsyncLaunchSample.LAUNCHED : null;
            if (counter == null) {
                continue;
            }
            String idField = type.equals(EventSchema.QueueSample.NAME) ? EventSchema.QueueSample.BUFFER_ID
                    : type.equals(EventSchema.ExecutorSample.NAME) ? EventSchema.ExecutorSample.EXECUTOR_ID
                    : EventSchema.AsyncLaunchSample.SITE_ID;
            String id = String.valueOf(e.getLong(idField));
            long value = e.getLong(counter);
            firstAndLast.merge(type + "/" + id, new long[] {value, value},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        long[] totals = new long[3];
        firstAndLast.forEach((key, range) -> {
            int kind = key.startsWith(EventSchema.QueueSample.NAME + "/") ? 0
                    : key.startsWith(EventSchema.ExecutorSample.NAME + "/") ? 1 : 2;
            totals[kind] += range[1] - range[0];
        });
        System.out.printf(Locale.ROOT, "%.3f %.3f %.3f%n", totals[0] / units, totals[1] / units, totals[2] / units);
    }
}
