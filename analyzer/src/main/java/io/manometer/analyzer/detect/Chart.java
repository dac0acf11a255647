package io.manometer.analyzer.detect;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.manometer.analyzer.reading.SampleSeries;

/**
 * What a finding's chart draws: at most {@link #MAX_POINTS} points of a series over time, binned
 * by time, and optionally the heap kept after GC over the same time. Left out of the JSON report.
 *
 * @param seconds     point times, seconds since the earlier of the series' and the heap's first sample
 * @param values      the series (backlog, threads, heap...) at those times
 * @param unit        what the values count
 * @param heapSeconds heap sample times on the same clock, or empty
 * @param heapBytes   heap kept after GC at those times, or empty
 */
public record Chart(double[] seconds, double[] values, String unit, double[] heapSeconds, double[] heapBytes) {
    public static final int MAX_POINTS = 200;

    static Chart of(SampleSeries series, String unit, SampleSeries heap) {
        if (series.size() == 0) {
            return null;
        }
        // One time axis from the earlier start: heap samples taken before the buffer's first sample
        // (the JVM collected before it existed) must not fall left of the frame.
        long origin = heap == null || heap.size() == 0 ? series.time(0) : Math.min(series.time(0), heap.time(0));
        double[][] main = points(series, origin);
        double[][] heapPoints = heap == null || heap.size() == 0 ? new double[][] {{}, {}} : points(heap, origin);
        return new Chart(main[0], main[1], unit, heapPoints[0], heapPoints[1]);
    }

    private static double[][] points(SampleSeries series, long origin) {
        int n = series.size();
        int m = Math.min(n, MAX_POINTS);
        double[] t = new double[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            int at = (int) ((long) i * (n - 1) / Math.max(1, m - 1));
            t[i] = (series.time(at) - origin) / 1e9;
            v[i] = series.depth(at);
        }
        return new double[][] {t, v};
    }

    @JsonIgnore
    public boolean hasHeap() {
        return heapSeconds.length > 1;
    }
}
