package io.manometer.analyzer.reading.jfr;

import io.manometer.analyzer.reading.jfr.ChunkMetadata.Field;
import io.manometer.analyzer.reading.jfr.ChunkMetadata.Kind;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The event a {@link ChunkScanner} is at, its fields by position. Valid only while the scanner's
 * handler runs: the next event reuses it. Numbers are decoded as the event is met; a string only
 * when asked for.
 */
public final class ScannedEvent {
    /** One wanted event type as one chunk declares it. */
    static final class Layout {
        final long typeId;
        final String name;
        final Field[] fields;
        final Map<String, Integer> indexes = new HashMap<>();
        final int startTime;

        Layout(ChunkMetadata.Type type) {
            this.typeId = type.id;
            this.name = type.name;
            this.fields = type.fields.toArray(new Field[0]);
            for (int i = 0; i < fields.length; i++) {
                // Interned: callers ask by constants, which then match by identity, without comparing text.
                indexes.putIfAbsent(fields[i].name.intern(), i);
            }
            Integer start = indexes.get("startTime");
            this.startTime = start != null && fields[start].kind == Kind.INTEGER && !fields[start].array ? start : -1;
        }
    }

    private final ChunkInput in;
    private final Map<Long, String> strings;
    private final TimeConverter time;
    private Layout layout;
    private long[] values = new long[0];

    ScannedEvent(ChunkInput in, Map<Long, String> strings, TimeConverter time) {
        this.in = in;
        this.strings = strings;
        this.time = time;
    }

    /** Decodes the event of {@code layout} at the input's position (after its size and type). */
    void decode(Layout layout) throws IOException {
        this.layout = layout;
        Field[] fields = layout.fields;
        if (values.length < fields.length) {
            values = new long[fields.length];
        }
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            if (f.array || f.kind == Kind.STRING || f.kind == Kind.INLINE) {
                values[i] = in.position(); // read when asked for
                ChunkMetadata.skip(in, f, 0);
                continue;
            }
            values[i] = switch (f.kind) {
                case INTEGER -> narrow(in.readLong(), f.width);
                case BYTE -> in.readByte();
                case FLOAT -> in.readRaw(4);
                case DOUBLE -> in.readRaw(8);
                default -> in.readLong(); // POOLED: the key
            };
        }
    }

    private static long narrow(long value, int width) {
        return switch (width) {
            case 32 -> (int) value;
            case 16 -> (short) value;
            case 'c' -> (char) value;
            default -> value;
        };
    }

    public String name() {
        return layout.name;
    }

    /** The position of the field named so, -1 when this event type has none. */
    public int fieldIndex(String name) {
        Integer index = layout.indexes.get(name);
        return index == null ? -1 : index;
    }

    /** When the event was written, in nanoseconds since the epoch, as {@code jdk.jfr.consumer} converts it. */
    public long startNanos() {
        if (layout.startTime < 0) {
            throw new IllegalStateException(layout.name + " has no start time");
        }
        return time.epochNanos(values[layout.startTime]);
    }

    /** An integer, byte or boolean (0 or 1) field's value, widened to a long. */
    public long getLong(int index) {
        Field f = layout.fields[index];
        if (f.array || (f.kind != Kind.INTEGER && f.kind != Kind.BYTE)) {
            throw new IllegalArgumentException(layout.name + "." + f.name + " is not an integer");
        }
        return values[index];
    }

    /** A string field's value; null when the event holds null. */
    public String getString(int index) {
        Field f = layout.fields[index];
        if (f.array || f.kind != Kind.STRING) {
            throw new IllegalArgumentException(layout.name + "." + f.name + " is not a string");
        }
        int resume = in.position();
        try {
            in.position((int) values[index]);
            return in.readString(strings);
        } catch (IOException e) {
            throw new IllegalStateException(layout.name + "." + f.name + ": " + e.getMessage(), e);
        } finally {
            in.position(resume);
        }
    }

    /** Ticks to nanoseconds since the epoch, with the chunk's clock, rounding as JFR's own reader does. */
    record TimeConverter(long startNanos, long startTicks, double ticksPerNanosecond) {
        static TimeConverter of(long startNanos, long startTicks, long ticksPerSecond) {
            // JFR's reader divides by whole ticks per nanosecond; kept, so both readers agree to the nanosecond.
            long whole = ticksPerSecond / 1_000_000_000L;
            return new TimeConverter(startNanos, startTicks, whole > 0 ? whole : ticksPerSecond / 1e9);
        }

        long epochNanos(long ticks) {
            return startNanos + (long) ((ticks - startTicks) / ticksPerNanosecond);
        }
    }
}
