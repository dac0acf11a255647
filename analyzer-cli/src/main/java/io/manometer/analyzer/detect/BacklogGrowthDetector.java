package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.analyzer.stats.SeriesWindow;
import io.manometer.analyzer.stats.Trend;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An unbounded queue or executor backlog that keeps growing: the producer outruns the consumer and
 * nothing makes it wait.
 *
 * <p>Evidence, all of it required: after a warm-up, a statistically significant increasing trend
 * of depth (Mann–Kendall) whose robust slope (Theil–Sen) adds up to a meaningful number of
 * elements over at least a minimum duration, and a backlog that has not drained back. A burst that
 * drains is healthy; a sawtooth whose trend climbs is not, and the trend test sees through it.
 */
public final class BacklogGrowthDetector implements Detector {
    public static final String ID = "backlog-growth";

    static final Preference WARMUP = new Preference("warmupSeconds", 2,
            "seconds at the start of each series that are ignored (start-up fills queues)");
    static final Preference MIN_SAMPLES = new Preference("minSamples", 6,
            "samples needed after warm-up before anything is said");
    static final Preference MIN_DURATION = new Preference("minDurationSeconds", 4,
            "seconds of samples needed after warm-up");
    static final Preference MIN_GROWTH = new Preference("minGrowth", 200,
            "elements the backlog must grow by, and hold at the end, to matter");
    static final Preference DRAINED_FRACTION = new Preference("drainedFraction", 0.2,
            "a backlog back below this fraction of its peak has drained: a burst, not growth");
    static final Preference LARGE_BACKLOG = new Preference("largeBacklog", 100_000,
            "a backlog this large scores higher");
    static final Preference HEAP_LIMIT_SOON = new Preference("heapLimitSoonSeconds", 1800,
            "growth that would reach the heap limit sooner than this, at the heap's pace, scores higher");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Unbounded queue or executor backlog that keeps growing (missing backpressure)";
    }

    @Override
    public Set<String> requiredEvents() {
        return Set.of(EventNames.QUEUE_SAMPLE, EventNames.EXECUTOR_SAMPLE);
    }

    @Override
    public List<Preference> preferences() {
        return List.of(WARMUP, MIN_SAMPLES, MIN_DURATION, MIN_GROWTH, DRAINED_FRACTION, LARGE_BACKLOG, HEAP_LIMIT_SOON);
    }

    @Override
    public List<Finding> detect(Recording recording, Preferences preferences) {
        List<Finding> findings = new ArrayList<>();
        for (BufferSeries series : recording.series()) {
            Finding finding = examine(recording, series, preferences);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return findings;
    }

    private Finding examine(Recording recording, BufferSeries series, Preferences p) {
        if (series.isBounded()) {
            return null; // a bound makes the producer wait or fail: backpressure exists
        }
        SampleSeries samples = series.samples;
        int n = samples.size();
        if (samples.lastDepth() < p.get(this, MIN_GROWTH)) {
            return null; // cannot meet the effect size: spare the trend computation
        }
        double warmup = p.get(this, WARMUP);
        SeriesWindow window = SeriesWindow.afterWarmup(samples, warmup);
        int count = window.count();
        int from = window.from();
        if (count < p.get(this, MIN_SAMPLES)) {
            return null;
        }
        double duration = window.durationSeconds();
        if (duration < p.get(this, MIN_DURATION)) {
            return null;
        }
        Trend trend = window.trend();
        long finalDepth = samples.lastDepth();
        long peak = samples.peakDepth();
        double minGrowth = p.get(this, MIN_GROWTH);
        boolean drained = peak > 0 && finalDepth <= peak * p.get(this, DRAINED_FRACTION);
        boolean large = trend.slopePerSecond() * duration >= minGrowth && finalDepth >= minGrowth;
        if (!trend.isSignificantIncrease() || !large || drained) {
            return null;
        }
        Trend recent = window.recentTrend(0.5); // the later half, never under 3 points
        boolean stillGrowing = recent.slopePerSecond() >= 0.5 * trend.slopePerSecond();
        double largeBacklog = p.get(this, LARGE_BACKLOG);
        HeapContext heap = HeapContext.of(recording, warmup);
        Double secondsToLimit = heap == null ? null : heap.secondsToLimit();
        Double bytesPerElement = heap != null && heap.growing() ? heap.growthBytesPerSecond() / trend.slopePerSecond()
                : null;
        // Growth that stopped in the later half (a ramp that filled the queue, then producers and
        // consumers matched) is worth knowing, not missing backpressure: information only.
        int score = !stillGrowing ? 35
                : 70 + (finalDepth >= largeBacklog ? 15 : finalDepth >= largeBacklog / 10 ? 7 : 0)
                        + (secondsToLimit != null && secondsToLimit < p.get(this, HEAP_LIMIT_SOON) ? 15 : 0);
        score = Math.min(100, score);

        Double inRate = samples.in(n - 1) < 0 ? null : (samples.in(n - 1) - samples.in(from)) / duration;
        Double outRate = samples.out(n - 1) < 0 ? null : (samples.out(n - 1) - samples.out(from)) / duration;
        Finding.Metrics metrics = new Finding.Metrics(trend.slopePerSecond(), trend.mannKendallZ(), peak, finalDepth,
                series.capacity(), inRate, outRate, duration, count, heap, secondsToLimit, bytesPerElement,
                Finding.Metrics.estimatedWait(finalDepth, outRate));
        boolean executor = series.subject == BufferSeries.Subject.EXECUTOR;
        String kind = executor ? "executor-backlog" : "queue-backlog";
        String unit = executor ? "tasks" : "elements";
        String site = series.site().isEmpty() ? "(creation site not captured)" : series.site();
        String summary = Messages.format(kind + ".summary", simpleName(series.type()), trend.slopePerSecond(), unit,
                peak, site);
        String explanationKey = kind + (inRate == null ? ".explanation.unknown-rates"
                : outRate == null ? ".explanation.unknown-completions" : ".explanation");
        String explanation = Messages.format(explanationKey, inRate, outRate, unit, finalDepth, duration,
                series.createdBy().isEmpty() ? site : series.createdBy(),
                stillGrowing ? Messages.format("still-growing") : Messages.format("slowing"));
        if (heap != null && heap.growing()) {
            explanation += " " + (secondsToLimit != null
                    ? Messages.format("heap.limit", heap.growthBytesPerSecond() / 1e6, heap.lastUsedBytes() / 1e6,
                            heap.maxBytes() / 1e6, secondsToLimit / 60, bytesPerElement == null ? 0 : bytesPerElement)
                    : Messages.format("heap.growing", heap.growthBytesPerSecond() / 1e6));
        }
        String solution = Messages.format(kind + (series.isCommonPool() ? ".solution.common-pool" : ".solution"));
        return new Finding(ID, kind, Severity.ofScore(score), score, site, series.createdBy(), series.type(),
                series.id, series.producerSite(), summary, explanation, solution, metrics, series.creationStack(),
                series.producerStack(), recording.file.toString(), Chart.of(samples, unit, recording.heapAfterGc()));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
