package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.analyzer.stats.SeriesWindow;
import io.manometer.analyzer.stats.Trend;
import java.util.ArrayList;
import java.util.List;

/**
 * Something that keeps growing with nothing to stop it: a backlog, work in flight, bytes held. The
 * evidence is the same whatever grows, so each detector built on this says only what it looks at
 * and how to name and fix it.
 *
 * <p>Evidence, all of it required: after a warm-up, a statistically significant increasing trend
 * (Mann–Kendall) whose robust slope (Theil–Sen) adds up to a meaningful amount over at least a
 * minimum duration, and a level that has not drained back. A burst that drains is healthy; a
 * sawtooth whose trend climbs is not, and the trend test sees through it.
 */
abstract class GrowthDetector implements Detector {
    static final Preference WARMUP = new Preference("warmupSeconds", 2,
            "seconds at the start of each series that are ignored (start-up fills queues)");
    static final Preference MIN_SAMPLES = new Preference("minSamples", 6,
            "samples needed after warm-up before anything is said");
    static final Preference MIN_DURATION = new Preference("minDurationSeconds", 4,
            "seconds of samples needed after warm-up");
    static final Preference DRAINED_FRACTION = new Preference("drainedFraction", 0.2,
            "a level back below this fraction of its peak has drained: a burst, not growth");
    static final Preference HEAP_LIMIT_SOON = new Preference("heapLimitSoonSeconds", 1800,
            "growth that would reach the heap limit sooner than this, at the heap's pace, scores higher");

    /** What one finding says, by message key prefix, and in what unit. */
    record Naming(String kind, String unit) {}

    private final Preference minGrowth;
    private final Preference large;
    /** Preferences of the detector's own rules, listed after the shared ones. */
    private final List<Preference> own;

    GrowthDetector(Preference minGrowth, Preference large, Preference... own) {
        this.minGrowth = minGrowth;
        this.large = large;
        this.own = List.of(own);
    }

    /** Whether this detector looks at the series at all. */
    abstract boolean covers(BufferSeries series);

    abstract Naming naming(Recording recording, BufferSeries series, Preferences p);

    @Override
    public List<Preference> preferences() {
        List<Preference> all = new ArrayList<>(List.of(WARMUP, MIN_SAMPLES, MIN_DURATION, minGrowth, DRAINED_FRACTION,
                large, HEAP_LIMIT_SOON));
        all.addAll(own);
        return all;
    }

    /**
     * Judges every series it covers. A busy service has thousands, each judged apart by trends that
     * cost O(n^2) in its points: they are judged on every core, and the findings keep the
     * recording's order.
     */
    @Override
    public List<Finding> detect(Recording recording, Preferences preferences) {
        HeapContext heap = HeapContext.of(recording, preferences.get(this, WARMUP));
        return List.copyOf(recording.series()).parallelStream()
                .filter(series -> covers(series) && grows(series, heap, preferences))
                .map(series -> describe(recording, series, heap, preferences))
                .toList();
    }

    /**
     * Whether the series meets every part of the evidence above and nothing pushes back in time: a
     * bound makes the producer wait or fail, unless the heap, at its pace, runs out first.
     */
    boolean grows(BufferSeries series, HeapContext heap, Preferences p) {
        if (series.isBounded() && (heap == null || heap.secondsToLimit() == null)) {
            return false; // spare the trend: without a heap running out, the bound is backpressure
        }
        SampleSeries samples = series.samples;
        double min = p.get(this, minGrowth);
        if (samples.lastDepth() < min) {
            return false; // cannot meet the effect size: spare the trend computation
        }
        SeriesWindow window = SeriesWindow.afterWarmup(samples, p.get(this, WARMUP));
        return holds(window, samples.lastDepth(), samples.peakDepth(), p)
                && (!series.isBounded() || heapRunsOutFirst(series, window.trend(), heap));
    }

    /**
     * A bound pushes back only once reached. One so large that, at the backlog's pace, the heap
     * runs out before it fills (new LinkedBlockingQueue<>(1_000_000) of large elements) is none.
     */
    static boolean heapRunsOutFirst(BufferSeries series, Trend trend, HeapContext heap) {
        Double toLimit = heap == null ? null : heap.secondsToLimit();
        return toLimit != null && trend.slopePerSecond() > 0
                && toLimit < secondsToFill(series, trend);
    }

    private static double secondsToFill(BufferSeries series, Trend trend) {
        return Math.max(0, series.capacity() - series.samples.lastDepth()) / trend.slopePerSecond();
    }

    private boolean holds(SeriesWindow window, double last, double peak, Preferences p) {
        double min = p.get(this, minGrowth);
        if (last < min || window.count() < p.get(this, MIN_SAMPLES)
                || window.durationSeconds() < p.get(this, MIN_DURATION)) {
            return false;
        }
        Trend trend = window.trend();
        boolean drained = peak > 0 && last <= peak * p.get(this, DRAINED_FRACTION);
        return trend.isSignificantIncrease() && trend.slopePerSecond() * window.durationSeconds() >= min && !drained;
    }

    /**
     * Seconds into the recording at which the evidence first held, judging each growing prefix of
     * the series as if the recording had ended there: how soon a run like this one is caught.
     */
    private Double detectedAfter(Recording recording, BufferSeries series, SeriesWindow window, Preferences p) {
        Double at = window.firstHolding((prefix, last, peak) -> holds(prefix, last, peak, p));
        return at == null ? null : (series.samples.time(0) - recording.startNanos()) / 1e9 + at;
    }

    private Finding describe(Recording recording, BufferSeries series, HeapContext heap, Preferences p) {
        SampleSeries samples = series.samples;
        int n = samples.size();
        double warmup = p.get(this, WARMUP);
        SeriesWindow window = SeriesWindow.afterWarmup(samples, warmup);
        int from = window.from();
        double duration = window.durationSeconds();
        Trend trend = window.trend();
        long finalDepth = samples.lastDepth();
        long peak = samples.peakDepth();
        Trend recent = window.recentTrend(0.5); // the later half, never under 3 points
        boolean stillGrowing = recent.slopePerSecond() >= 0.5 * trend.slopePerSecond();
        double largeLevel = p.get(this, large);
        Double secondsToLimit = heap == null ? null : heap.secondsToLimit();
        Double bytesPerElement = heap != null && heap.growing() ? heap.growthBytesPerSecond() / trend.slopePerSecond()
                : null;
        // Growth that stopped in the later half (a ramp that filled the queue, then producers and
        // consumers matched) is worth knowing, not missing backpressure: information only.
        int score = !stillGrowing ? 35
                : 70 + (finalDepth >= largeLevel ? 15 : finalDepth >= largeLevel / 10 ? 7 : 0)
                        + (secondsToLimit != null && secondsToLimit < p.get(this, HEAP_LIMIT_SOON) ? 15 : 0);
        score = Math.min(100, score);

        Double inRate = samples.in(n - 1) < 0 ? null : (samples.in(n - 1) - samples.in(from)) / duration;
        Double outRate = samples.out(n - 1) < 0 ? null : (samples.out(n - 1) - samples.out(from)) / duration;
        Finding.Metrics metrics = new Finding.Metrics(trend.slopePerSecond(), trend.mannKendallZ(), peak, finalDepth,
                series.capacity(), inRate, outRate, duration, window.count(), heap, secondsToLimit, bytesPerElement,
                Finding.Metrics.estimatedWait(finalDepth, outRate), detectedAfter(recording, series, window, p),
                series.oldestWaitSeconds());
        Naming naming = naming(recording, series, p);
        String kind = naming.kind();
        String site = series.site().isEmpty() ? "(site not captured)" : series.site();
        BufferSeries source = drainedSourceOf(recording, series, p);
        String sourceSite = source == null ? "" : source.site();
        // A buffer made before the agent could see it (an ArrayDeque) is named where it is fed.
        String summaryKey = kind + (series.createdAt().isEmpty() && !series.site().isEmpty() ? ".summary.fed" : ".summary");
        String summary = Messages.format(summaryKey, simpleName(series.type()), trend.slopePerSecond(),
                naming.unit(), peak, site, sourceSite, series.type());
        String explanationKey = kind + (inRate == null ? ".explanation.unknown-rates"
                : outRate == null ? ".explanation.unknown-completions" : ".explanation");
        String explanation = Messages.format(explanationKey, inRate, outRate, naming.unit(), finalDepth, duration,
                series.createdBy().isEmpty() ? site : series.createdBy(),
                stillGrowing ? Messages.format("still-growing") : Messages.format("slowing"), sourceSite,
                String.join(", ", series.producerThreadNames()), series.type());
        if (series.isBounded()) {
            explanation += " " + Messages.format("bound.beyond-heap", series.capacity(),
                    secondsToFill(series, trend) / 60, secondsToLimit == null ? 0 : secondsToLimit / 60);
        }
        if (heap != null && heap.growing()) {
            explanation += " " + (secondsToLimit != null
                    ? Messages.format("heap.limit", heap.growthBytesPerSecond() / 1e6, heap.lastUsedBytes() / 1e6,
                            heap.maxBytes() / 1e6, secondsToLimit / 60, bytesPerElement == null ? 0 : bytesPerElement)
                    : Messages.format("heap.growing", heap.growthBytesPerSecond() / 1e6));
        }
        String solution = Messages.format(kind + (series.isCommonPool() ? ".solution.common-pool"
                : series.isBounded() ? ".solution.lower-bound" : ".solution"),
                bytesPerElement == null || heap == null ? 0 : heap.maxBytes() / 4 / bytesPerElement);
        return new Finding(id(), kind, Severity.ofScore(score), score, site, series.createdBy(), series.type(),
                series.id, series.producerSite(), summary, explanation, solution, metrics, series.creationStack(),
                series.producerStack(), recording.file.toString(), Chart.of(samples, naming.unit(),
                recording.heapAfterGc()));
    }

    /**
     * The early-ack worker's source: a queue that the threads feeding this series consume from and
     * that does not grow itself. Taking from it and handing the work on without waiting keeps it
     * drained while the work piles up here. Null when there is none.
     */
    BufferSeries drainedSourceOf(Recording recording, BufferSeries series, Preferences p) {
        List<String> feeders = series.producerThreadNames();
        if (feeders.isEmpty() || series.subject == BufferSeries.Subject.QUEUE
                || series.subject == BufferSeries.Subject.MEMORY_BUFFER) {
            return null;
        }
        for (BufferSeries queue : recording.series(BufferSeries.Subject.QUEUE)) {
            if (queue.samples.lastDepth() >= p.get(this, minGrowth)) {
                continue;
            }
            for (String consumer : queue.consumerThreadNames()) {
                if (feeders.contains(consumer)) {
                    return queue;
                }
            }
        }
        return null;
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
