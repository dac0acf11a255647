package io.manometer.analyzer.detect;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One figure a finding may carry as its evidence, declared once: its name (in JSON, SARIF and
 * {@code manometer detectors}), its type and its unit. Each detector lists the figures it reports
 * ({@link Detector#figures()}), as a JDK Mission Control rule declares its typed results; a finding
 * carries only the figures of its kind ({@link Figures}), never a figure reused for another meaning.
 * A new detector with evidence of its own declares its own figures beside it, the same way.
 *
 * @param <T> the value's type
 */
public final class Figure<T> {
    private static final AtomicInteger DECLARED = new AtomicInteger();

    /** Robust (Theil–Sen) growth of what is held, per second (elements, tasks, bytes or threads). */
    public static final Figure<Double> GROWTH_PER_SECOND = of("growthPerSecond", Double.class, "per second");
    /** Mann–Kendall score of that growth (above 2.33: p below 0.01). */
    public static final Figure<Double> TREND_Z = of("trendZ", Double.class, "z");
    /** The largest level seen (for refusals: refusals counted; -1 where the level is not sampled). */
    public static final Figure<Long> PEAK_DEPTH = of("peakDepth", Long.class, "count");
    /** The level at the last sample (for refusals: refusals counted; for the heap: bytes kept). */
    public static final Figure<Long> FINAL_DEPTH = of("finalDepth", Long.class, "count");
    /** The bound of the buffer, -1 when unbounded (for the heap: its maximum in bytes). */
    public static final Figure<Long> CAPACITY = of("capacity", Long.class, "count");
    /** Accepted (or started) per second over the window; null when not counted. */
    public static final Figure<Double> IN_PER_SECOND = of("inPerSecond", Double.class, "per second");
    /** Removed (or completed) per second over the window; null when not counted. */
    public static final Figure<Double> OUT_PER_SECOND = of("outPerSecond", Double.class, "per second");
    /** Length of the window judged, warm-up excluded. */
    public static final Figure<Double> DURATION_SECONDS = of("durationSeconds", Double.class, "seconds");
    /** Samples (or collections, or waits) in that window. */
    public static final Figure<Integer> SAMPLES = of("samples", Integer.class, "count");
    /** What the heap kept after each collection did meanwhile; null without GC events. */
    public static final Figure<HeapContext> HEAP = of("heap", HeapContext.class, "");
    /** At the heap's pace, seconds until the maximum heap; null when unknown. */
    public static final Figure<Double> SECONDS_TO_HEAP_LIMIT = of("secondsToHeapLimit", Double.class, "seconds");
    /** Heap growth per element of backlog growth, where both grew; null otherwise. */
    public static final Figure<Double> BYTES_PER_ELEMENT = of("bytesPerElement", Double.class, "bytes");
    /** How long an element joining now waits, by Little's law; null when nothing is removed. */
    public static final Figure<Double> ESTIMATED_WAIT_SECONDS = of("estimatedWaitSeconds", Double.class, "seconds");
    /** Seconds into the recording at which the evidence first held. */
    public static final Figure<Double> DETECTED_AFTER_SECONDS = of("detectedAfterSeconds", Double.class, "seconds");
    /** How long the oldest waiting element had waited at the last sample, as the agent measured it. */
    public static final Figure<Double> OLDEST_WAIT_SECONDS = of("oldestWaitSeconds", Double.class, "seconds");
    /** Refusals (or rejections) discarded per second at the site. */
    public static final Figure<Double> REFUSED_PER_SECOND = of("refusedPerSecond", Double.class, "per second");

    private final String id;
    private final Class<T> type;
    private final String unit;
    private final int order;

    private Figure(String id, Class<T> type, String unit) {
        this.id = id;
        this.type = type;
        this.unit = unit;
        this.order = DECLARED.getAndIncrement();
    }

    /** Declares a figure; declared once, as a constant, and compared by identity. */
    public static <T> Figure<T> of(String id, Class<T> type, String unit) {
        return new Figure<>(id, type, unit);
    }

    /** Its name in JSON and SARIF. */
    public String id() {
        return id;
    }

    public Class<T> type() {
        return type;
    }

    /** What it is counted in ("seconds", "per second", "count", "bytes"); empty for a compound figure. */
    public String unit() {
        return unit;
    }

    /** Figures are written in the order they were declared: the same order in every report. */
    int order() {
        return order;
    }

    @Override
    public String toString() {
        return id;
    }
}
