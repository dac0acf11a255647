package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.analyzer.stats.SeriesWindow;
import io.manometer.analyzer.stats.Trend;
import java.util.List;
import java.util.Set;

/**
 * Live threads keep climbing: fan-out with no limit, one thread per item (CompletableFuture.*Async
 * on a machine of two cores or fewer, new Thread per task, an unbounded cached pool, HttpClient's
 * default executor). Needs only the JDK's own thread statistics, so it also runs on recordings made
 * without the agent.
 */
public final class ThreadGrowthDetector implements Detector {
    public static final String ID = "thread-growth";

    static final Preference WARMUP = new Preference("warmupSeconds", 2, "seconds at the start that are ignored");
    static final Preference MIN_SAMPLES = new Preference("minSamples", 6, "samples needed after warm-up");
    static final Preference MIN_GROWTH = new Preference("minGrowth", 50,
            "threads the count must grow by, over the window, to matter");
    static final Preference MANY_THREADS = new Preference("manyThreads", 1000, "a thread count this high scores higher");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Live thread count keeps climbing: unbounded fan-out (JDK events only; works without the agent)";
    }

    @Override
    public Set<String> requiredEvents() {
        return Set.of(EventNames.THREAD_STATISTICS);
    }

    @Override
    public List<Preference> preferences() {
        return List.of(WARMUP, MIN_SAMPLES, MIN_GROWTH, MANY_THREADS);
    }

    /** Significant growth that adds up to enough threads and has not drained back. */
    private boolean holds(SeriesWindow window, double last, double peak, Preferences p) {
        if (window.durationSeconds() <= 0) {
            return false;
        }
        Trend trend = window.trend();
        boolean drained = last <= 0.5 * peak;
        return trend.isSignificantIncrease() && trend.slopePerSecond() * window.durationSeconds() >= p.get(this, MIN_GROWTH)
                && !drained;
    }

    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        SampleSeries threads = recording.threads();
        SeriesWindow window = SeriesWindow.afterWarmup(threads, p.get(this, WARMUP));
        if (window.count() < p.get(this, MIN_SAMPLES) || window.durationSeconds() <= 0) {
            return List.of();
        }
        Trend trend = window.trend();
        double duration = window.durationSeconds();
        long last = threads.lastDepth();
        long peak = threads.peakDepth();
        if (!holds(window, last, peak, p)) {
            return List.of();
        }
        Double at = window.firstHolding((prefix, l, pk) -> prefix.count() >= p.get(this, MIN_SAMPLES) && holds(prefix, l, pk, p));
        Double detectedAfter = at == null ? null : (threads.time(0) - recording.startNanos()) / 1e9 + at;
        int n = threads.size();
        int from = window.from();
        double started = (threads.in(n - 1) - threads.in(from)) / duration;
        double ended = (threads.out(n - 1) - threads.out(from)) / duration;
        boolean stillGrowing = window.recentTrend(0.5).slopePerSecond() >= 0.5 * trend.slopePerSecond();
        int score = !stillGrowing ? 35 : 70 + (last >= p.get(this, MANY_THREADS) ? 15 : 0); // as for backlogs
        HeapContext heap = HeapContext.of(recording, p.get(this, WARMUP));
        Finding.Metrics metrics = new Finding.Metrics(trend.slopePerSecond(), trend.mannKendallZ(), peak, last, -1,
                started, ended, duration, window.count(), heap, heap == null ? null : heap.secondsToLimit(), null, null,
                detectedAfter);
        String summary = Messages.format("thread-growth.summary", trend.slopePerSecond(), last, peak);
        String explanation = Messages.format("thread-growth.explanation", started, ended, duration,
                stillGrowing ? Messages.format("still-growing") : Messages.format("slowing"));
        return List.of(new Finding(ID, ID, Severity.ofScore(score), score, "(live threads)", "", "java.lang.Thread", 0,
                "", summary, explanation, Messages.format("thread-growth.solution"), metrics,
                "", "", recording.file.toString(), Chart.of(threads, "threads", recording.heapAfterGc())));
    }
}
