package io.manometer.analyzer.detect;

import static io.manometer.analyzer.detect.GrowthPreferences.MIN_DURATION;
import static io.manometer.analyzer.detect.GrowthPreferences.MIN_SAMPLES;
import static io.manometer.analyzer.detect.GrowthPreferences.WARMUP;

import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.analyzer.reading.SiteTally;
import io.manometer.stats.GrowthEvidence;
import io.manometer.stats.Trend;
import java.util.List;
import java.util.Set;

/**
 * Live threads keep climbing: fan-out with no limit, one thread per item (CompletableFuture.*Async
 * on a machine of two cores or fewer, new Thread per task, an unbounded cached pool, HttpClient's
 * default executor). Needs only the JDK's own thread statistics, so it also runs on recordings made
 * without the agent. The evidence is the growth rules' own ({@link GrowthEvidence}).
 */
public final class ThreadGrowthDetector extends DeclaredDetector {
    public static final String ID = "thread-growth";

    static final Preference MIN_GROWTH = new Preference("minGrowth", 50);
    /** Threads end in bursts: a count back under half its peak has drained. */
    static final Preference DRAINED_FRACTION = new Preference("drainedFraction", 0.5);
    static final Preference MANY_THREADS = new Preference("manyThreads", 1000);
    /** Thread starts one line must have to be named, in a recording without the agent. */
    static final Preference STARTER_SHARE = new Preference("starterShare", 0.5);

    public ThreadGrowthDetector() {
        super(ID, Set.of(EventNames.THREAD_STATISTICS), List.of(ID),
                List.of(WARMUP, MIN_SAMPLES, MIN_DURATION, MIN_GROWTH, DRAINED_FRACTION, MANY_THREADS, STARTER_SHARE),
                // Live threads in the levels, threads started and ended in the rates.
                List.of(Figure.GROWTH_PER_SECOND, Figure.TREND_Z, Figure.PEAK_DEPTH, Figure.FINAL_DEPTH,
                        Figure.CAPACITY, Figure.IN_PER_SECOND, Figure.OUT_PER_SECOND, Figure.DURATION_SECONDS,
                        Figure.SAMPLES, Figure.HEAP, Figure.SECONDS_TO_HEAP_LIMIT, Figure.BYTES_PER_ELEMENT,
                        Figure.DETECTED_AFTER_SECONDS));
    }

    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        SampleSeries threads = recording.threads();
        GrowthEvidence.Verdict growth = GrowthEvidence.judge(threads,
                GrowthPreferences.criteria(this, p, MIN_GROWTH, DRAINED_FRACTION));
        if (growth == null) {
            return recording.agentPresent() ? List.of() : heldAtOneLine(recording, threads, p);
        }
        Trend trend = growth.trend();
        double duration = growth.window().durationSeconds();
        long last = threads.lastDepth();
        int n = threads.size();
        int from = growth.window().from();
        double started = (threads.in(n - 1) - threads.in(from)) / duration;
        double ended = (threads.out(n - 1) - threads.out(from)) / duration;
        int score = GrowthEvidence.score(growth.stillGrowing(),
                last >= p.get(this, MANY_THREADS) ? GrowthEvidence.BONUS_LARGE : 0);
        // Without the agent, the line that starts most threads, when JFR recorded their stacks.
        SiteTally.Site starter = recording.agentPresent() ? null : starter(recording, p);
        boolean named = starter != null;
        if (named && last >= p.get(this, MANY_THREADS)) {
            score = Math.max(score, PLATEAU_SCORE); // levelled off or not, as many threads held as heldAtOneLine warns of
        }
        HeapContext heap = HeapContext.of(recording, p.get(this, WARMUP));
        Figures figures = Figures.builder()
                .growth(trend.slopePerSecond(), trend.mannKendallZ())
                .levels(threads.peakDepth(), last, -1)
                .rates(started, ended)
                .window(duration, growth.window().count())
                .heap(heap, heap == null ? null : heap.secondsToLimit(), null)
                .detectedAfter(recording.secondsIntoRecording(threads, growth.firstHeldSeconds()))
                .build();
        return List.of(Finding.of(ID, ID)
                .score(score)
                .subject("java.lang.Thread", 0)
                .site(named ? starter.site() : "(live threads)")
                .creation("", named ? starter.stack() : "")
                .text(Messages.format(growth.stillGrowing() ? "thread-growth.summary" : "thread-growth.summary.slowed",
                                trend.slopePerSecond(), last, threads.peakDepth()),
                        Messages.format("thread-growth.explanation", started, ended, duration,
                                Messages.trendAtEnd(growth.stillGrowing()))
                                + (named ? " " + startedAt(recording, starter) : ""),
                        Messages.format("thread-growth.solution"))
                .figures(figures)
                .evidence(recording.file.toString(), Chart.of(threads, "threads", recording.heapAfterGc()))
                .build());
    }

    /** The line that started most of the threads JFR saw start, when it started enough of them; else null. */
    private SiteTally.Site starter(Recording recording, Preferences p) {
        SiteTally starts = recording.threadStarts();
        SiteTally.Site heaviest = starts.heaviest();
        return heaviest != null && heaviest.weight() >= starts.total() * p.get(this, STARTER_SHARE) ? heaviest : null;
    }

    /** The sentence naming the line that started most threads, and its share. */
    private static String startedAt(Recording recording, SiteTally.Site starter) {
        return Messages.format("thread-growth.started", starter.site(), starter.weight(), recording.threadStarts().total());
    }

    /**
     * Without the agent, a thread count that rose at once and stayed, most of it started at one
     * line: a thread per task whose count the launch rate and the task's time set, not a limit (a
     * cached pool under a flood, {@code CompletableFuture.runAsync} on two cores). Warned from
     * {@code manyThreads}, as the agent warns of a plateau of that many threads in flight.
     */
    private List<Finding> heldAtOneLine(Recording recording, SampleSeries threads, Preferences p) {
        long last = threads.lastDepth();
        SiteTally.Site starter = starter(recording, p);
        if (last < p.get(this, MANY_THREADS) || starter == null || threads.size() < p.get(this, MIN_SAMPLES)) {
            return List.of();
        }
        double duration = (threads.lastTime() - threads.time(0)) / 1e9;
        Figures figures = Figures.builder()
                .levels(threads.peakDepth(), last, -1)
                .window(duration, threads.size())
                .build();
        return List.of(Finding.of(ID, ID)
                .score(PLATEAU_SCORE)
                .subject("java.lang.Thread", 0)
                .site(starter.site())
                .creation("", starter.stack())
                .text(Messages.format("thread-growth.summary.held", last, starter.site()),
                        Messages.format("thread-growth.explanation.held", last, threads.peakDepth(), duration)
                                + " " + startedAt(recording, starter),
                        Messages.format("thread-growth.solution"))
                .figures(figures)
                .evidence(recording.file.toString(), Chart.of(threads, "threads", recording.heapAfterGc()))
                .build());
    }

    /** A warning: a plateau of many threads is not growth, but nothing shown limits it. */
    static final int PLATEAU_SCORE = 55;
}
