package io.manometer.analyzer.reading;

import java.util.Arrays;

/**
 * Samples of one buffer over time in parallel primitive arrays. Memory is bounded: past
 * {@link #MAX_POINTS} the series keeps every other point and from then on accepts every second
 * sample (then every fourth, ...), so a recording of any length fits in a fixed space while peak,
 * first and last values stay exact.
 */
public final class SampleSeries implements io.manometer.stats.TimeSeries {
    /** 1,024 points of 4 longs: 32 KB a series at most, whatever the recording's length. */
    public static final int MAX_POINTS = 1024;

    private long[] time = new long[64];
    private long[] depth = new long[64];
    private long[] in = new long[64];
    private long[] out = new long[64];
    private int size;
    private int stride = 1;
    private long offered;
    private long peakDepth;
    private long lastTime = Long.MIN_VALUE;
    private long lastDepth;
    private long lastIn;
    private long lastOut;
    private boolean sorted = true;

    /**
     * @param epochNanos sample time
     * @param depthNow   elements waiting
     * @param inTotal    cumulative elements (or tasks) accepted
     * @param outTotal   cumulative elements (or tasks) removed or completed
     */
    public void add(long epochNanos, long depthNow, long inTotal, long outTotal) {
        if (depthNow > peakDepth || offered == 0) {
            peakDepth = depthNow;
        }
        if (epochNanos >= lastTime) {
            lastTime = epochNanos;
            lastDepth = depthNow;
            lastIn = inTotal;
            lastOut = outTotal;
        }
        if (offered++ % stride != 0) {
            return;
        }
        if (size == MAX_POINTS) {
            halve();
            if ((offered - 1) % stride != 0) {
                return;
            }
        }
        if (size == time.length) {
            int grown = Math.min(MAX_POINTS, size * 2);
            time = Arrays.copyOf(time, grown);
            depth = Arrays.copyOf(depth, grown);
            in = Arrays.copyOf(in, grown);
            out = Arrays.copyOf(out, grown);
        }
        if (size > 0 && epochNanos < time[size - 1]) {
            sorted = false;
        }
        time[size] = epochNanos;
        depth[size] = depthNow;
        in[size] = inTotal;
        out[size] = outTotal;
        size++;
    }

    /**
     * Adds the samples of a later part of the same buffer's series (read from a later chunk of the
     * recording), keeping the exact peak and last values even where either part dropped points.
     */
    void append(SampleSeries later) {
        if (later.offered == 0) {
            return;
        }
        long peak = offered == 0 ? later.peakDepth : Math.max(peakDepth, later.peakDepth);
        boolean laterEnds = later.lastTime >= lastTime;
        long[] last = {lastTime, lastDepth, lastIn, lastOut};
        for (int i = 0; i < later.size(); i++) {
            add(later.time(i), later.depth(i), later.in(i), later.out(i));
        }
        peakDepth = peak;
        if (laterEnds) {
            last = new long[] {later.lastTime, later.lastDepth, later.lastIn, later.lastOut};
        }
        lastTime = last[0];
        lastDepth = last[1];
        lastIn = last[2];
        lastOut = last[3];
    }

    /**
     * Multiplies every level and count by {@code factor}: the same shape with more harm (a larger
     * backlog, more in flight, more threads), for the corpus's check that severity never falls as
     * harm grows. Nothing in an analysis calls it.
     */
    void scaleLevels(double factor) {
        for (int i = 0; i < size; i++) {
            depth[i] = Math.round(depth[i] * factor);
            in[i] = in[i] < 0 ? in[i] : Math.round(in[i] * factor);
            out[i] = out[i] < 0 ? out[i] : Math.round(out[i] * factor);
        }
        peakDepth = Math.round(peakDepth * factor);
        lastDepth = Math.round(lastDepth * factor);
        lastIn = lastIn < 0 ? lastIn : Math.round(lastIn * factor);
        lastOut = lastOut < 0 ? lastOut : Math.round(lastOut * factor);
    }

    private void halve() {
        sortIfNeeded();
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            time[kept] = time[i];
            depth[kept] = depth[i];
            in[kept] = in[i];
            out[kept] = out[i];
            kept++;
        }
        size = kept;
        stride *= 2;
    }

    /**
     * Puts the samples in time order now. Reads sort on first use, the one write a read makes:
     * series read from several threads at once are sorted first.
     */
    public void sortIfNeeded() {
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(time[a], time[b]));
        long[] t = new long[time.length];
        long[] d = new long[time.length];
        long[] n = new long[time.length];
        long[] o = new long[time.length];
        for (int i = 0; i < size; i++) {
            t[i] = time[order[i]];
            d[i] = depth[order[i]];
            n[i] = in[order[i]];
            o[i] = out[order[i]];
        }
        time = t;
        depth = d;
        in = n;
        out = o;
        sorted = true;
    }

    public int size() {
        return size;
    }

    /** Sample time in epoch nanoseconds, ascending by index. */
    public long time(int i) {
        sortIfNeeded();
        return time[i];
    }

    /** The depth, as the growth evidence reads it. */
    @Override
    public double value(int i) {
        return depth(i);
    }

    public long depth(int i) {
        sortIfNeeded();
        return depth[i];
    }

    public long in(int i) {
        sortIfNeeded();
        return in[i];
    }

    public long out(int i) {
        sortIfNeeded();
        return out[i];
    }

    public long peakDepth() {
        return peakDepth;
    }

    public long lastTime() {
        return lastTime;
    }

    public long lastDepth() {
        return lastDepth;
    }

    public long lastIn() {
        return lastIn;
    }

    public long lastOut() {
        return lastOut;
    }
}
