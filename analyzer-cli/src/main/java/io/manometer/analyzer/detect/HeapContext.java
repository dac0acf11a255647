package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.analyzer.stats.Trend;

/**
 * How the heap the application keeps (used right after each collection) moved during a recording,
 * and, at that pace, when it reaches the maximum heap: the "how far from the heap limit" of every
 * growth finding.
 *
 * @param growthBytesPerSecond Theil-Sen slope of heap used after GC
 * @param trendZ               Mann-Kendall score of that growth
 * @param lastUsedBytes        heap used after the last collection
 * @param maxBytes             maximum heap, -1 when unknown
 * @param collections          collections in the window
 * @param durationSeconds      length of the window
 */
public record HeapContext(double growthBytesPerSecond, double trendZ, long lastUsedBytes, long maxBytes,
                          int collections, double durationSeconds) {
    /** Fewer collections than this say nothing about a trend. */
    static final int MIN_COLLECTIONS = 4;

    /** The heap's trend after skipping {@code warmupSeconds}, or null when there is too little to go on. */
    static HeapContext of(Recording recording, double warmupSeconds) {
        SampleSeries heap = recording.heapAfterGc();
        int n = heap.size();
        if (n == 0) {
            return null;
        }
        long start = heap.time(0);
        int from = 0;
        while (from < n && (heap.time(from) - start) / 1e9 < warmupSeconds) {
            from++;
        }
        if (n - from < MIN_COLLECTIONS) {
            from = Math.max(0, n - MIN_COLLECTIONS);
        }
        int count = n - from;
        if (count < MIN_COLLECTIONS) {
            return null;
        }
        double[] seconds = new double[count];
        double[] used = new double[count];
        for (int i = 0; i < count; i++) {
            seconds[i] = (heap.time(from + i) - start) / 1e9;
            used[i] = heap.depth(from + i);
        }
        Trend trend = Trend.of(seconds, used, count);
        return new HeapContext(trend.slopePerSecond(), trend.mannKendallZ(), heap.lastDepth(), recording.heapMaxBytes(),
                count, seconds[count - 1] - seconds[0]);
    }

    public boolean growing() {
        return trendZ >= Trend.Z_SIGNIFICANT && growthBytesPerSecond > 0;
    }

    /** Seconds until the heap limit at the current pace; null when not growing or the limit is unknown. */
    public Double secondsToLimit() {
        if (!growing() || maxBytes <= 0) {
            return null;
        }
        return Math.max(0, (maxBytes - lastUsedBytes) / growthBytesPerSecond);
    }
}
