package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.stats.GrowthEvidence;
import io.manometer.stats.SeriesWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Asynchronous work launched from one line faster than it completes, with nothing limiting how
 * much is in flight: the {@code Promise.all} over every id, the loop that launches without waiting.
 *
 * <p>A plateau is not a limit. In flight also levels off when launches keep their pace and each
 * task takes about the same time (in flight = launch rate × time per task, Little's law); nothing
 * holds it then, and the first slowdown of what the tasks call multiplies it. So a plateau is
 * {@code fan-out-limited} only with evidence of a limit: the agent found the launching threads
 * waiting on one (a permit, room in a bounded queue, the work they launched) in a good share of
 * its looks, or in flight is pinned at one value. Otherwise it is {@code unbounded-fan-out} that
 * levelled off: info, or warning when what it holds is large.
 */
public final class FanOutDetector extends GrowthDetector {
    public static final String ID = "fan-out";

    public FanOutDetector() {
        super(ID, Set.of(EventNames.ASYNC_LAUNCH_SAMPLE, EventNames.AGENT_INFO),
                List.of("unbounded-fan-out", "early-ack-launch", LIMITED), new Preference("minGrowth", 200),
                LARGE_IN_FLIGHT, MIN_LIMITED_LAUNCHES, MIN_WAIT_SHARE, LARGE_THREADS);
    }

    @Override
    boolean covers(BufferSeries series) {
        return series.subject == BufferSeries.Subject.LAUNCH_SITE;
    }

    static final Preference LARGE_IN_FLIGHT = new Preference("largeInFlight", 10_000);
    static final Preference MIN_LIMITED_LAUNCHES = new Preference("minLimitedLaunches", 100);
    static final Preference MIN_WAIT_SHARE = new Preference("minLauncherWaitShare", 0.3);
    static final Preference LARGE_THREADS = new Preference("largeThreadsInFlight", 1_000);

    private static final String LIMITED = "fan-out-limited";

    /**
     * Growth findings, and the sites whose in-flight work levelled off: at a limit, or not. A site
     * that grew and then levelled off (no longer growing at the end) is judged as the plateau it
     * became: its ramp is not the growth that matters.
     */
    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        List<Finding> findings = new ArrayList<>(super.detect(recording, p));
        HeapContext heap = HeapContext.of(recording, p.get(this, GrowthPreferences.WARMUP));
        if (heap != null && heap.growing()) {
            // A plateau while the heap fills is no working limit: something ran out (connections,
            // file descriptors) while what waits for it piles up; heap-growth says so.
            return findings;
        }
        for (BufferSeries series : recording.series(BufferSeries.Subject.LAUNCH_SITE)) {
            Finding plateau = plateau(recording, series, p);
            if (plateau == null) {
                continue;
            }
            Finding growth = findings.stream().filter(f -> f.subjectId() == series.id
                    && f.subjectType().equals(series.type())).findFirst().orElse(null);
            GrowthEvidence.Verdict verdict = growth == null ? null : growth(series, null, p);
            if (growth == null || verdict == null || !verdict.stillGrowing()) {
                findings.remove(growth);
                findings.add(plateau);
            }
        }
        return findings;
    }

    /**
     * In flight levelled off: after warm-up, many launches, and in-flight work at or near its peak in
     * most of the later samples. A limit at work when there is evidence of one; else launches that
     * keep their pace, levelled off only by how long each takes.
     */
    private Finding plateau(Recording recording, BufferSeries series, Preferences p) {
        SampleSeries samples = series.samples;
        SeriesWindow window = SeriesWindow.afterWarmup(samples, p.get(this, GrowthPreferences.WARMUP));
        int n = samples.size();
        int from = window.from();
        if (window.count() < p.get(this, GrowthPreferences.MIN_SAMPLES) || samples.peakDepth() < 2) {
            return null;
        }
        long launched = samples.in(n - 1) - samples.in(from);
        if (launched < p.get(this, MIN_LIMITED_LAUNCHES)) {
            return null;
        }
        double[] values = window.values();
        int later = values.length / 2;
        int atLimit = 0;
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int i = later; i < values.length; i++) {
            if (values[i] >= 0.8 * samples.peakDepth()) {
                atLimit++;
            }
            lowest = Math.min(lowest, values[i]);
            highest = Math.max(highest, values[i]);
        }
        if (atLimit < 0.8 * (values.length - later)) {
            return null;
        }
        double duration = window.durationSeconds();
        double inRate = launched / duration;
        double outRate = (samples.out(n - 1) - samples.out(from)) / duration;
        Double waitShare = series.launcherWaitShare();
        boolean launchersWait = waitShare != null && series.launcherLooks() >= 3
                && waitShare >= p.get(this, MIN_WAIT_SHARE);
        boolean pinned = lowest == highest;
        String site = series.site();
        Finding.Builder finding = launchersWait || pinned ? Finding.of(id(), LIMITED).score(25)
                .text(Messages.format(LIMITED + ".summary", samples.peakDepth(), site),
                        Messages.format(LIMITED + (launchersWait ? ".explanation" : ".explanation.pinned"),
                                inRate, outRate, samples.peakDepth(), series.type(),
                                waitShare == null ? 0 : 100 * waitShare),
                        Messages.format(LIMITED + ".solution"))
                : levelledOff(series, inRate, outRate, waitShare, p);
        return finding
                .subject(series.type(), series.id)
                .site(site)
                .creation("", series.creationStack())
                .producer(site, series.producerStack())
                .metrics(Finding.Metrics.builder()
                        .levels(samples.peakDepth(), samples.lastDepth(), -1)
                        .rates(inRate, outRate)
                        .window(duration, window.count())
                        .build())
                .evidence(recording.file.toString(), Chart.of(samples, "tasks", recording.heapAfterGc()))
                .build();
    }

    /**
     * Levelled off with nothing holding it: in flight = launch rate × time per task. Info while small;
     * warning when what it holds is large (many tasks, or many threads where each launch starts one).
     */
    private Finding.Builder levelledOff(BufferSeries series, double inRate, double outRate, Double waitShare,
                                        Preferences p) {
        long peak = series.samples.peakDepth();
        boolean platformThreads = series.type().equals("thread-start"); // a virtual thread holds little
        boolean holdsMuch = peak >= (platformThreads ? p.get(this, LARGE_THREADS) : p.get(this, LARGE_IN_FLIGHT));
        double secondsPerTask = outRate > 0 ? peak / outRate : 0;
        return Finding.of(id(), "unbounded-fan-out")
                .score(holdsMuch ? 55 : 30)
                .text(Messages.format("unbounded-fan-out.levelled.summary", peak, series.site()),
                        Messages.format("unbounded-fan-out.levelled.explanation", inRate, secondsPerTask, peak,
                                series.type(), waitShare == null ? -1 : 100 * waitShare, 2 * peak),
                        Messages.format("unbounded-fan-out.solution"));
    }

    @Override
    Naming naming(Recording recording, BufferSeries series, Preferences p) {
        return new Naming(drainedSourceOf(recording, series, p) != null ? "early-ack-launch" : "unbounded-fan-out",
                "tasks");
    }
}
