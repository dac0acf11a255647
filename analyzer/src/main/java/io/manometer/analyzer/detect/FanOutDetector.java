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
                LARGE_IN_FLIGHT, MIN_LIMITED_LAUNCHES, MIN_WAIT_SHARE, LARGE_THREADS, LONG_DRAIN);
    }

    @Override
    boolean covers(BufferSeries series) {
        return series.subject == BufferSeries.Subject.LAUNCH_SITE;
    }

    static final Preference LARGE_IN_FLIGHT = new Preference("largeInFlight", 10_000);
    static final Preference MIN_LIMITED_LAUNCHES = new Preference("minLimitedLaunches", 100);
    static final Preference MIN_WAIT_SHARE = new Preference("minLauncherWaitShare", 0.3);
    static final Preference LARGE_THREADS = new Preference("largeThreadsInFlight", 1_000);
    /** A finished batch whose work takes this long to drain is a warning; five times as long, critical. */
    static final Preference LONG_DRAIN = new Preference("longDrainSeconds", 60);

    private static final String LIMITED = "fan-out-limited";

    /**
     * Growth findings, and the sites whose in-flight work levelled off: at a limit, or not. A site
     * that grew and then levelled off (no longer growing at the end) is judged as the plateau it
     * became: its ramp is not the growth that matters. Two series at one site (the application's
     * submit and the library's own launch inside it) are one finding.
     */
    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        List<Finding> findings = new ArrayList<>(super.detect(recording, p));
        HeapContext heap = HeapContext.of(recording, p.get(this, GrowthPreferences.WARMUP));
        // While the heap fills, a plateau is no working limit: something ran out (connections, file
        // descriptors) while what waits for it piles up. It is still judged by what it holds.
        boolean heapFilling = heap != null && heap.growing();
        for (BufferSeries series : recording.series(BufferSeries.Subject.LAUNCH_SITE)) {
            Finding plateau = plateau(recording, series, heapFilling, p);
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
        return oneBySite(findings);
    }

    /** The strongest finding of each kind at each site, in the order first found. */
    private static List<Finding> oneBySite(List<Finding> findings) {
        java.util.Map<String, Finding> strongest = new java.util.LinkedHashMap<>();
        for (Finding f : findings) {
            strongest.merge(f.kind() + " at " + f.site(), f, (a, b) -> b.score() > a.score() ? b : a);
        }
        return new ArrayList<>(strongest.values());
    }

    /**
     * In flight levelled off: in-flight work at or near its peak in most of the later samples. A
     * batch whose launches stopped is judged by what it holds and how long that takes to drain; a
     * plateau while launches go on is a limit at work when there is evidence of one, else launches
     * that keep their pace, levelled off only by how long each takes.
     */
    private Finding plateau(Recording recording, BufferSeries series, boolean heapFilling, Preferences p) {
        SampleSeries samples = series.samples;
        SeriesWindow window = SeriesWindow.afterWarmup(samples, p.get(this, GrowthPreferences.WARMUP));
        int n = samples.size();
        int from = window.from();
        if (window.count() < p.get(this, GrowthPreferences.MIN_SAMPLES) || samples.peakDepth() < 2) {
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
        long launched = samples.in(n - 1) - samples.in(from);
        double inRate = launched / duration;
        double outRate = (samples.out(n - 1) - samples.out(from)) / duration;
        double laterSeconds = (samples.time(n - 1) - samples.time(from + later)) / 1e9;
        double laterInRate = laterSeconds <= 0 ? 0 : (samples.in(n - 1) - samples.in(from + later)) / laterSeconds;
        double laterOutRate = laterSeconds <= 0 ? 0 : (samples.out(n - 1) - samples.out(from + later)) / laterSeconds;
        Finding.Builder finding;
        if (launchesStopped(samples, laterInRate)) {
            // A batch launched at once and awaited: its launcher waits for it, which limits nothing.
            finding = batch(series, laterOutRate, p);
        } else {
            if (launched < p.get(this, MIN_LIMITED_LAUNCHES)) {
                return null;
            }
            Double waitShare = series.launcherWaitShare();
            boolean launchersWait = waitShare != null && series.launcherLooks() >= 3
                    && waitShare >= p.get(this, MIN_WAIT_SHARE);
            boolean pinned = lowest == highest;
            finding = (launchersWait || pinned) && !heapFilling ? limited(series, inRate, outRate, waitShare,
                    launchersWait) : levelledOff(recording, series, inRate, outRate, waitShare, p);
        }
        if (finding == null) {
            return null;
        }
        return finding
                .subject(series.type(), series.id)
                .site(series.site())
                .creation("", series.creationStack())
                .producer(series.site(), series.producerStack())
                .figures(Figures.builder()
                        .levels(samples.peakDepth(), samples.lastDepth(), -1)
                        .rates(inRate, outRate)
                        .window(duration, window.count())
                        .build())
                .evidence(recording.file.toString(), Chart.of(samples, "tasks", recording.heapAfterGc()))
                .build();
    }

    /** Launches all but stopped in the later half, after there had been some. */
    private static boolean launchesStopped(SampleSeries samples, double laterInRate) {
        double allSeconds = Math.max(1, (samples.lastTime() - samples.time(0)) / 1e9);
        double overallInRate = samples.lastIn() / allSeconds;
        return overallInRate > 0 && laterInRate < 0.05 * overallInRate;
    }

    private Finding.Builder limited(BufferSeries series, double inRate, double outRate, Double waitShare,
                                    boolean launchersWait) {
        long peak = series.samples.peakDepth();
        return Finding.of(id(), LIMITED).score(25)
                .text(Messages.format(LIMITED + ".summary", peak, series.site()),
                        Messages.format(LIMITED + (launchersWait ? ".explanation" : ".explanation.pinned"),
                                inRate, outRate, peak, series.type(), waitShare == null ? 0 : 100 * waitShare),
                        Messages.format(LIMITED + ".solution"));
    }

    /**
     * A finished batch holds what it launched until it drains: 8,000 calls in flight completing at
     * 20/s is six minutes of work that nothing limited. Warning when that much takes a minute or
     * more to drain, critical from five minutes or from a large number in flight; nothing to say of a
     * batch that drains soon, nor of work none of which completes: long-lived tasks started once
     * (a pool of consumers, each a loop) are no batch waiting on a dependency.
     */
    private Finding.Builder batch(BufferSeries series, double outRate, Preferences p) {
        long inFlight = series.samples.lastDepth();
        if (outRate <= 0 || inFlight < p.get(this, minGrowth()) || inFlight / outRate < p.get(this, LONG_DRAIN)) {
            return null;
        }
        double drainSeconds = inFlight / outRate;
        boolean critical = drainSeconds >= 5 * p.get(this, LONG_DRAIN) || inFlight >= p.get(this, LARGE_IN_FLIGHT);
        return Finding.of(id(), "unbounded-fan-out")
                .score(critical ? 80 : 60)
                .text(Messages.format("unbounded-fan-out.batch.summary", inFlight, series.site(), drainSeconds / 60),
                        Messages.format("unbounded-fan-out.batch.explanation", inFlight, series.type(), outRate,
                                drainSeconds / 60),
                        Messages.format("unbounded-fan-out.solution"));
    }

    /**
     * Levelled off with nothing holding it: in flight = launch rate × time per task. Info while small;
     * warning when what it holds is large: many tasks, or many threads where each task holds one (a
     * thread started per launch, or a pool that grows a thread per task, as the JVM's live threads show).
     */
    private Finding.Builder levelledOff(Recording recording, BufferSeries series, double inRate, double outRate,
                                        Double waitShare, Preferences p) {
        long peak = series.samples.peakDepth();
        boolean platformThreads = series.type().equals("thread-start") || tasksHoldThreads(recording, series);
        boolean holdsMuch = peak >= (platformThreads ? p.get(this, LARGE_THREADS) : p.get(this, LARGE_IN_FLIGHT));
        double secondsPerTask = outRate > 0 ? peak / outRate : 0;
        return Finding.of(id(), "unbounded-fan-out")
                .score(holdsMuch ? 55 : 30)
                .text(Messages.format(holdsMuch ? "unbounded-fan-out.levelled.summary.large"
                                : "unbounded-fan-out.levelled.summary", peak, series.site(), platformThreads ? 1 : 0),
                        Messages.format("unbounded-fan-out.levelled.explanation", inRate, secondsPerTask, peak,
                                series.type(), waitShare == null ? -1 : 100 * waitShare, 2 * peak),
                        Messages.format("unbounded-fan-out.solution"));
    }

    /**
     * Whether each task in flight holds a platform thread: the JVM's live threads rose by at least
     * half of what is in flight while this site's work levelled off (a cached pool, a thread per task).
     * When the thread counts begin after the launches did (the live judge's recording starts once
     * the application has settled), the live threads themselves must number half of what is in flight.
     */
    static boolean tasksHoldThreads(Recording recording, BufferSeries series) {
        SampleSeries threads = recording.threads();
        SampleSeries launches = series.samples;
        if (threads.size() == 0 || launches.size() == 0) {
            return false;
        }
        long start = launches.time(0);
        long before = -1;
        long most = 0;
        for (int i = 0; i < threads.size(); i++) {
            if (threads.time(i) <= start) {
                before = threads.depth(i);
            } else {
                most = Math.max(most, threads.depth(i));
            }
        }
        if (before < 0) {
            most = Math.max(most, threads.depth(0));
        }
        long base = before >= 0 ? before : 0;
        return most - base >= launches.peakDepth() / 2;
    }

    @Override
    Naming naming(Recording recording, BufferSeries series, Preferences p) {
        return new Naming(drainedSourceOf(recording, series, p) != null ? "early-ack-launch" : "unbounded-fan-out",
                "tasks");
    }
}
