package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.stats.SeriesWindow;
import io.manometer.stats.Trend;

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

    /**
     * The heap's trend after skipping the JVM's first {@code warmupSeconds} (the recording's, when it
     * does not say when the JVM started), or null when there is too little to go on.
     */
    static HeapContext of(Recording recording, double warmupSeconds) {
        SampleSeries heap = recording.heapAfterGc();
        SeriesWindow window = recording.jvmStartNanos() > 0
                ? SeriesWindow.afterWarmup(heap, warmupSeconds, recording.jvmStartNanos())
                : SeriesWindow.afterWarmup(heap, warmupSeconds);
        if (window.count() < MIN_COLLECTIONS) {
            // Few collections: judge the last few, warm-up or not, rather than nothing.
            window = SeriesWindow.of(heap, Math.max(0, heap.size() - MIN_COLLECTIONS));
        }
        if (window.count() < MIN_COLLECTIONS) {
            return null;
        }
        Trend trend = window.trend();
        return new HeapContext(trend.slopePerSecond(), trend.mannKendallZ(), heap.lastDepth(), recording.heapMaxBytes(),
                window.count(), window.durationSeconds());
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
