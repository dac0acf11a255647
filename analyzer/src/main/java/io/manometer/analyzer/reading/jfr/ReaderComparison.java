package io.manometer.analyzer.reading.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the named events of a file with both readers, the {@link ChunkScanner} and
 * {@code jdk.jfr.consumer}, and lists where they disagree: an event one has and the other lacks, a
 * number or a string that differs, a start time off by more than {@link #TIME_TOLERANCE_NANOS}.
 * Every test that reads a real recording runs it ({@code manometer analyze --reader check}).
 */
public final class ReaderComparison {
    /**
     * JFR's reader converts every chunk's ticks with the first chunk's clock, the scanner each with
     * its own: they part by the drift between the two clocks over the recording, microseconds.
     */
    public static final long TIME_TOLERANCE_NANOS = 1_000_000;

    private ReaderComparison() {}

    /** At most {@code limit} disagreements, in file order; empty when the readers agree on every event. */
    public static List<String> differences(Path file, Set<String> names, int limit) throws IOException {
        List<String> differences = new ArrayList<>();
        long[] compared = {0};
        try (RecordingFile jfr = new RecordingFile(file)) {
            ChunkScanner.scan(file, names, scanned -> {
                if (differences.size() >= limit) {
                    return;
                }
                compared[0]++;
                RecordedEvent expected = next(jfr, names);
                if (expected == null) {
                    differences.add("event " + compared[0] + " (" + scanned.name() + "): JFR's reader has no more events");
                } else {
                    compare(compared[0], expected, scanned, differences);
                }
            });
            if (differences.isEmpty() && next(jfr, names) != null) {
                differences.add("after event " + compared[0] + ": JFR's reader has more events");
            }
        }
        return differences.subList(0, Math.min(limit, differences.size()));
    }

    private static boolean inTicks(ValueDescriptor field) {
        return field.getAnnotationElements().stream().anyMatch(a ->
                (a.getTypeName().equals("jdk.jfr.Timestamp") || a.getTypeName().equals("jdk.jfr.Timespan"))
                        && "TICKS".equals(a.getValue("value")));
    }

    private static RecordedEvent next(RecordingFile jfr, Set<String> names) {
        try {
            while (jfr.hasMoreEvents()) {
                RecordedEvent e = jfr.readEvent();
                if (names.contains(e.getEventType().getName())) {
                    return e;
                }
            }
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void compare(long n, RecordedEvent expected, ScannedEvent scanned, List<String> differences) {
        String where = "event " + n + " (" + expected.getEventType().getName() + ")";
        if (!expected.getEventType().getName().equals(scanned.name())) {
            differences.add(where + ": the scanner read " + scanned.name());
            return;
        }
        Instant start = expected.getStartTime();
        long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        if (Math.abs(scanned.startNanos() - startNanos) > TIME_TOLERANCE_NANOS) {
            differences.add(where + ": starts at " + scanned.startNanos() + " ns, JFR says " + startNanos);
        }
        for (ValueDescriptor field : expected.getFields()) {
            String name = field.getName();
            int index = scanned.fieldIndex(name);
            if (index < 0) {
                differences.add(where + ": the scanner has no field " + name);
                continue;
            }
            if (name.equals("startTime") || name.equals("duration") || inTicks(field)) {
                continue; // times in ticks: converted by JFR's reader (the start compared above)
            }
            Object value = expected.getValue(name);
            Object read;
            switch (field.getTypeName()) {
                case "long", "int", "short", "byte" -> read = scanned.getLong(index);
                case "char" -> { read = scanned.getLong(index); value = value == null ? null : (long) (Character) value; }
                case "boolean" -> { read = scanned.getLong(index) != 0; }
                case "java.lang.String" -> read = scanned.getString(index);
                default -> { continue; } // threads, stacks, floats: not read by position
            }
            if (value instanceof Number number && !(value instanceof Long)) {
                value = number.longValue();
            }
            if (!java.util.Objects.equals(value, read)) {
                differences.add(where + ": " + name + " = " + read + ", JFR says " + value);
            }
        }
    }
}
