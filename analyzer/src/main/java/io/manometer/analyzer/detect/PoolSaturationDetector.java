package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.analyzer.reading.SiteTally;
import io.manometer.analyzer.reading.WorkerPools;
import io.manometer.stats.GrowthEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judged without the agent: the consumer side of a backlog. While a backlog grows (a type climbing
 * in the heap histograms, else the heap kept after collections), a pool's workers were seen at
 * work (execution samples, sleeps, reads, the thread dumps JFR writes at each chunk's end) and
 * never once waiting for work ({@code jdk.ThreadPark} in the pool's own take, recorded from 10 ms
 * with {@code jfr/manometer.jfc}, 20 ms with JFR's settings; a dump that shows a worker in it):
 * the pool is saturated and nothing makes its producers wait. Names what the workers were busy at when JFR saw them, else the line whose
 * submits started them. A saturated pool with no growing backlog (a bounded queue, callers that
 * run the overflow) is backpressure at work and is not reported.
 */
public final class PoolSaturationDetector extends DeclaredDetector {
    public static final String ID = "pool-saturation";

    static final Preference WARMUP = new Preference("warmupSeconds", 2);
    /** Samples of the workers one line must have to be named as what they were busy at. */
    static final Preference BUSY_SHARE = new Preference("busyShare", 0.5);
    /** Samples of the busy workers needed before one line is named as what they do. */
    static final Preference MIN_BUSY_SAMPLES = new Preference("minBusySamples", 10);
    /** A warning: the backlog's own finding carries the severity; this one names its consumer. */
    static final int SCORE = 60;
    static final int MAX_FINDINGS = 3;

    private final ObjectGrowthDetector backlogs = new ObjectGrowthDetector();
    private final HeapGrowthDetector heapGrowth = new HeapGrowthDetector();

    public PoolSaturationDetector() {
        super(ID, Set.of(EventNames.THREAD_PARK, EventNames.THREAD_START), List.of(ID),
                List.of(WARMUP, BUSY_SHARE, MIN_BUSY_SAMPLES),
                List.of(Figure.DURATION_SECONDS, Figure.SAMPLES, Figure.HEAP, Figure.SECONDS_TO_HEAP_LIMIT,
                        Figure.BYTES_PER_ELEMENT));
    }

    /** What grows, from when, made where (null when unknown): the backlog this pool fails to drain. */
    private record Backlog(String what, long fromNanos, String madeAt) {}

    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        if (recording.agentPresent()) {
            return List.of(); // the agent reads each executor's queue and rates directly
        }
        Backlog backlog = backlog(recording, p);
        if (backlog == null) {
            return List.of();
        }
        long end = recording.lastEventNanos();
        List<Finding> findings = new ArrayList<>();
        for (WorkerPools.Pool pool : recording.workerPools().all()) {
            if (pool.workersSeen() == 0 || pool.firstSeenNanos() > backlog.fromNanos()
                    || pool.waitedSince(backlog.fromNanos()) || !pool.busySince(backlog.fromNanos())
                    || findings.size() >= MAX_FINDINGS) {
                // It waited for work while the backlog grew, came after it, or was never seen at work
                // then: a worker parked the whole time writes no park event until it wakes.
                continue;
            }
            SiteTally.Site busy = named(pool.busy(), p);
            if (busy != null && busy.site().equals(backlog.madeAt())) {
                continue; // busy where the backlog is made: the producer's own loop on a pool, not its consumer
            }
            findings.add(finding(recording, pool, busy, backlog, (end - backlog.fromNanos()) / 1e9, p));
        }
        return findings;
    }

    /**
     * The largest backlog still growing at the end that its own rule reports at warning or above:
     * a growing type, else the heap kept. A growth too small to warn of makes no pool saturated.
     */
    private Backlog backlog(Recording recording, Preferences p) {
        Set<String> warned = backlogs.detect(recording, p).stream().filter(f -> f.severity().atLeast(Severity.WARNING))
                .map(Finding::subjectType).collect(Collectors.toSet());
        for (List<ObjectGrowthDetector.Growing> group : backlogs.backlogs(recording, p)) {
            ObjectGrowthDetector.Growing lead = group.get(0);
            GrowthEvidence.Verdict v = lead.verdict();
            if (v.stillGrowing() && warned.contains(lead.population().type())) {
                SampleSeries judged = lead.judged();
                return new Backlog(Messages.format("pool-saturation.backlog.type",
                        GrowthDetector.simpleName(lead.population().type())), judged.time(v.window().from()),
                        group.stream().filter(g -> g.site() != null).map(g -> g.site().site()).findFirst().orElse(null));
            }
        }
        HeapContext heap = HeapContext.of(recording, p.get(this, WARMUP));
        SampleSeries kept = recording.heapAfterGc();
        boolean heapWarned = heapGrowth.detect(recording, p).stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING));
        if (heapWarned && heap != null && kept.size() > heap.collections()) {
            return new Backlog(Messages.format("pool-saturation.backlog.heap"), kept.time(kept.size() - heap.collections()),
                    null);
        }
        return null;
    }

    private Finding finding(Recording recording, WorkerPools.Pool pool, SiteTally.Site busy, Backlog backlog,
                            double seconds, Preferences p) {
        SiteTally.Site starter = named(pool.starters(), 0);
        String site = busy != null ? busy.site() : starter != null ? starter.site() : "(" + pool.name() + "*)";
        String doing = busy == null
                ? Messages.format("pool-saturation.busy.unknown", pool.busy().samples())
                : Messages.format("pool-saturation.busy", busy.site(), 100.0 * busy.weight() / pool.busy().total(),
                        pool.busy().samples());
        String started = starter == null ? "" : " " + Messages.format("pool-saturation.started", starter.site());
        HeapContext heap = HeapContext.of(recording, p.get(this, WARMUP));
        return Finding.of(ID, ID)
                .score(SCORE)
                .subject(pool.type(), 0)
                .site(site)
                .creation(starter == null ? "" : starter.site(), starter == null ? "" : starter.stack())
                .text(Messages.format("pool-saturation.summary", pool.name(), pool.workersSeen(), backlog.what()),
                        Messages.format("pool-saturation.explanation", pool.name(), GrowthDetector.simpleName(pool.type()),
                                pool.workersSeen(), seconds, backlog.what(), pool.waits()) + " " + doing + started,
                        Messages.format("pool-saturation.solution"))
                .figures(Figures.builder().window(seconds, (int) pool.busy().samples())
                        .heap(heap, heap == null ? null : heap.secondsToLimit(), null).build())
                .evidence(recording.file.toString(), null)
                .build();
    }

    /** The heaviest line of {@code tally} when it holds at least {@code share} of it, else null. */
    private SiteTally.Site named(SiteTally tally, Preferences p) {
        return tally.samples() < p.get(this, MIN_BUSY_SAMPLES) ? null : named(tally, p.get(this, BUSY_SHARE));
    }

    private static SiteTally.Site named(SiteTally tally, double share) {
        SiteTally.Site heaviest = tally.heaviest();
        return heaviest != null && heaviest.weight() >= share * tally.total() ? heaviest : null;
    }
}
