package io.manometer.agent.tracking;

/**
 * How long the oldest element of a buffer has waited, estimated from counters the agent already
 * keeps, so nothing is stamped on elements and the hot path is untouched.
 *
 * <p>At each sample the buffer's cumulative insert count is marked with the time. When {@code
 * depth} elements wait out of {@code inserted}, at least one of them is insert number {@code
 * inserted - depth + 1} or older (in a FIFO queue it is exactly that one, the head); the marks say
 * between which two samples that insert happened, and the wait is interpolated between them. The
 * estimate is therefore exact to within a sampling period for FIFO queues and a lower bound for
 * any other order (priority queues, stacks).
 *
 * <p>Memory is bounded: at most {@value #CAPACITY} marks; when full, every other mark is dropped, so
 * the span covered doubles and the resolution of very old waits halves. A buffer found empty needs
 * no history (everything inserted so far has left), so it keeps one mark in a two-slot array: the
 * full 512 bytes are held only by buffers that stay non-empty. Used by the sampler thread only.
 */
public final class ArrivalMarks {
    static final int CAPACITY = 32;

    /** Returned when the buffer does not count its inserts. */
    public static final long UNKNOWN = -1;

    private long[] times;
    private long[] counts;
    private int size;

    /**
     * The estimated wait, in nanoseconds, of the oldest of the {@code depth} elements waiting now,
     * then marks {@code inserted} at {@code nowNanos}. Zero for an empty buffer; {@link #UNKNOWN}
     * when inserts are not counted.
     */
    public long oldestWaitNanos(long nowNanos, long inserted, long depth) {
        if (inserted < 0) {
            return UNKNOWN;
        }
        long wait = depth <= 0 ? 0 : nowNanos - arrivalOf(inserted - depth + 1, nowNanos, inserted);
        if (depth <= 0 && size > 1) {
            times = null;
            counts = null;
            size = 0;
        }
        mark(nowNanos, inserted);
        return Math.max(0, wait);
    }

    /**
     * Records that the count was still {@code inserted} at {@code nowNanos}, seen without a full
     * reading: later arrivals are then known to have come after it.
     */
    public void unmovedAt(long nowNanos, long inserted) {
        if (size > 0 && times[size - 1] < nowNanos && counts[size - 1] == inserted) {
            mark(nowNanos, inserted);
        }
    }

    /** When insert number {@code n} (counting from 1) happened, by the marks; {@code now} and {@code inserted} are the newest. */
    private long arrivalOf(long n, long now, long inserted) {
        int after = size; // first mark whose count reaches n; size means "now"
        while (after > 0 && counts[after - 1] >= n) {
            after--;
        }
        if (after == 0) {
            // Before every mark kept (or the first sample): it has waited at least since the oldest.
            return size == 0 ? now : times[0];
        }
        long fromTime = times[after - 1];
        long fromCount = counts[after - 1];
        long toTime = after == size ? now : times[after];
        long toCount = after == size ? inserted : counts[after];
        if (toCount <= fromCount) {
            return toTime;
        }
        double fraction = (double) (n - fromCount) / (toCount - fromCount);
        return fromTime + (long) (fraction * (toTime - fromTime));
    }

    private void mark(long nowNanos, long inserted) {
        if (times == null) {
            times = new long[2];
            counts = new long[2];
        } else if (size == times.length && size < CAPACITY) {
            times = java.util.Arrays.copyOf(times, size * 2);
            counts = java.util.Arrays.copyOf(counts, size * 2);
        }
        if (size == CAPACITY) {
            int kept = 0;
            for (int i = 0; i < size; i += 2) {
                times[kept] = times[i];
                counts[kept] = counts[i];
                kept++;
            }
            size = kept;
        }
        times[size] = nowNanos;
        counts[size] = inserted;
        size++;
    }
}
