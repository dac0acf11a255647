package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.ObjectPopulations;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.RetainedObjects;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.analyzer.reading.SiteTally;
import io.manometer.schema.StackFrames;
import io.manometer.stats.GrowthEvidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Judged without the agent: the live objects of one type only climb, heap histogram after heap
 * histogram ({@code jdk.ObjectCount}, which {@code jfr/manometer.jfc} turns on), as the tasks,
 * nodes, messages or bytes of a backlog do. The growing types allocated at one application line
 * (JFR's allocation samples) are one finding at that line. The evidence is the growth rules' own
 * ({@link GrowthEvidence}) over the instance count, or over the bytes for arrays, which grow in size
 * rather than number. A recording made with the agent gets the agent's findings instead, which name
 * the buffer itself.
 */
public final class ObjectGrowthDetector extends DeclaredDetector {
    public static final String ID = "object-growth";

    static final Preference WARMUP = new Preference("warmupSeconds", 2);
    static final Preference MIN_HISTOGRAMS = new Preference("minHistograms", 6);
    static final Preference MIN_DURATION = new Preference("minDurationSeconds", 6);
    static final Preference MIN_OBJECTS = new Preference("minObjects", 10_000);
    static final Preference MIN_ARRAY_BYTES = new Preference("minArrayBytes", 16_000_000);
    static final Preference DRAINED_FRACTION = new Preference("drainedFraction", 0.2);
    /** Allocation samples of the type one line must have to be named. */
    static final Preference SITE_SHARE = new Preference("siteShare", 0.5);
    static final Preference LARGE = new Preference("largePopulation", 100_000);
    /** Findings at most: the growing lines with the most bytes added. */
    static final int MAX_FINDINGS = 3;

    public ObjectGrowthDetector() {
        super(ID, Set.of(EventNames.OBJECT_COUNT, EventNames.OBJECT_COUNT_AFTER_GC), List.of(ID),
                List.of(WARMUP, MIN_HISTOGRAMS, MIN_DURATION, MIN_OBJECTS, MIN_ARRAY_BYTES, DRAINED_FRACTION,
                        SITE_SHARE, LARGE),
                // Instances (bytes for arrays) in the levels; the heap's figures beside them.
                List.of(Figure.GROWTH_PER_SECOND, Figure.TREND_Z, Figure.PEAK_DEPTH, Figure.FINAL_DEPTH,
                        Figure.CAPACITY, Figure.DURATION_SECONDS, Figure.SAMPLES, Figure.HEAP, Figure.SECONDS_TO_HEAP_LIMIT,
                        Figure.BYTES_PER_ELEMENT, Figure.DETECTED_AFTER_SECONDS));
    }

    /** Where a type is made: a line, its share of the samples that name one, and which samples. */
    private record Line(SiteTally.Site site, double share, long samples, boolean survivors) {
        static Line heaviest(SiteTally tally, boolean survivors) {
            SiteTally.Site site = tally.heaviest();
            return site == null || tally.total() == 0 ? null
                    : new Line(site, (double) site.weight() / tally.total(), tally.samples(), survivors);
        }
    }

    /**
     * One growing type: its verdict, where it is made (null when no line is clear), its allocation
     * samples and the bytes it added.
     */
    record Growing(ObjectPopulations.Population population, SampleSeries judged, boolean bytes,
                           GrowthEvidence.Verdict verdict, Line line, long allocationSamples, double bytesAdded) {
        SiteTally.Site site() {
            return line == null ? null : line.site();
        }
    }

    /**
     * The line the allocation samples name for {@code type}; else, as a small type is seldom among
     * them, the line its survivors were allocated at (JFR's old-object sampler). A library's own
     * frame (a pool's recycler on its event loop) only when neither names a line of the application.
     */
    private Line lineOf(Recording recording, String type, Preferences p) {
        List<Line> candidates = java.util.stream.Stream.of(
                        Line.heaviest(recording.populations().allocationsOf(type), false),
                        Line.heaviest(survivorsOf(recording, type), true))
                .filter(l -> l != null && l.share() >= p.get(this, SITE_SHARE)).toList();
        return candidates.stream().filter(l -> applicationLine(l.site().site())).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        if (recording.agentPresent()) {
            return List.of(); // the agent's findings name the buffer, not just what it holds
        }
        List<List<Growing>> backlogs = backlogs(recording, p);
        HeapContext heap = HeapContext.of(recording, p.get(this, WARMUP));
        Double toLimit = heap == null ? null : heap.secondsToLimit();
        int histograms = recording.populations().histograms();
        return backlogs.stream()
                .limit(MAX_FINDINGS)
                .map(group -> finding(recording, group, heap, toLimit, histograms, p))
                .toList();
    }

    /**
     * The growing types, one list per backlog (the types that grow in step, at one line), the
     * backlog that added most bytes first. Read by the pool-saturation rule too.
     */
    List<List<Growing>> backlogs(Recording recording, Preferences p) {
        ObjectPopulations populations = recording.populations();
        List<Growing> growing = new ArrayList<>();
        for (ObjectPopulations.Population population : populations.atTheEnd()) {
            boolean array = population.type().endsWith("[]");
            SampleSeries judged = array ? population.bytes() : population.count();
            GrowthEvidence.Verdict verdict = GrowthEvidence.judge(judged, new GrowthEvidence.Criteria(
                    p.get(this, WARMUP), (int) p.get(this, MIN_HISTOGRAMS), p.get(this, MIN_DURATION),
                    p.get(this, array ? MIN_ARRAY_BYTES : MIN_OBJECTS), p.get(this, DRAINED_FRACTION)));
            if (verdict == null) {
                continue;
            }
            SampleSeries bytes = population.bytes();
            growing.add(new Growing(population, judged, array, verdict, lineOf(recording, population.type(), p),
                    populations.allocationsOf(population.type()).samples(), Math.max(0, bytes.lastDepth() - bytes.depth(0))));
        }
        // The tasks, nodes and payloads of one backlog grow in step (one of each per element), and
        // those whose line is known are allocated at one line: one finding, at that line.
        List<List<Growing>> backlogs = new ArrayList<>();
        growing.sort(Comparator.comparingDouble(Growing::bytesAdded).reversed());
        for (Growing g : growing) {
            List<Growing> joined = backlogs.stream().filter(b -> inStep(b.get(0), g)).findFirst().orElse(null);
            if (joined == null) {
                backlogs.add(new ArrayList<>(List.of(g)));
            } else {
                joined.add(g);
            }
        }
        return backlogs;
    }

    /** Whether {@code site} is a frame of the application, not of the JDK or a well-known library. */
    private static boolean applicationLine(String site) {
        SourceFrame frame = SourceFrame.parse(site);
        return frame != null && !StackFrames.isJdk(frame.className()) && !StackFrames.isKnownLibrary(frame.className());
    }

    /** Where JFR's old-object sampler found the survivors of {@code type} allocated, one weight each. */
    private static SiteTally survivorsOf(Recording recording, String type) {
        SiteTally survivors = new SiteTally();
        for (RetainedObjects.Group g : recording.retained().groups()) {
            if (g.type().equals(type)) {
                survivors.add(g.site(), g::stack, g.samples());
            }
        }
        return survivors;
    }

    /** Instances added per second within this fraction of each other: one element of a backlog each. */
    static final double SAME_PACE = 0.15;

    /**
     * Whether {@code other} grows in step with {@code lead}, at the same line of the application as
     * far as either is known (a library's frame, where the library allocates for it, is no line).
     */
    private static boolean inStep(Growing lead, Growing other) {
        double a = countSlope(lead);
        double b = countSlope(other);
        boolean samePace = a > 0 && b > 0 && Math.abs(a - b) <= SAME_PACE * Math.max(a, b);
        return samePace && (!atApplicationLine(lead) || !atApplicationLine(other)
                || lead.site().site().equals(other.site().site()));
    }

    private static boolean atApplicationLine(Growing g) {
        return g.site() != null && applicationLine(g.site().site());
    }

    private static double countSlope(Growing g) {
        SampleSeries count = g.population().count();
        double seconds = (count.lastTime() - count.time(0)) / 1e9;
        return seconds <= 0 ? 0 : (count.lastDepth() - count.depth(0)) / seconds;
    }

    private Finding finding(Recording recording, List<Growing> members, HeapContext heap, Double toLimit, int histograms,
                            Preferences p) {
        // The largest in bytes leads; a member whose line is known lends it when the lead's is not.
        Growing largest = members.get(0);
        Growing named = members.stream().filter(ObjectGrowthDetector::atApplicationLine).findFirst()
                .orElse(members.stream().filter(g -> g.site() != null).findFirst().orElse(null));
        Growing lead = named == null || named == largest ? largest
                : new Growing(largest.population(), largest.judged(), largest.bytes(), largest.verdict(), named.line(),
                        largest.allocationSamples(), largest.bytesAdded());
        List<Growing> group = new ArrayList<>(members);
        group.set(0, lead);
        GrowthEvidence.Verdict v = lead.verdict();
        String type = lead.population().type();
        String unit = lead.bytes() ? "bytes" : "objects";
        long last = lead.judged().lastDepth();
        int bonus = GrowthEvidence.sizeBonus(lead.bytes() ? lead.population().count().lastDepth() : last,
                p.get(this, LARGE));
        if (toLimit != null && toLimit < HEAP_LIMIT_SOON_SECONDS) {
            bonus += GrowthEvidence.BONUS_HEAP_LIMIT_SOON;
        }
        int score = GrowthEvidence.score(v.stillGrowing(), bonus);
        String others = group.size() == 1 ? "" : Messages.format("object-growth.others", String.join(", ",
                group.subList(1, group.size()).stream().map(g -> GrowthDetector.simpleName(g.population().type()))
                        .toList()));
        Line line = lead.line();
        String where = line == null
                ? Messages.format("object-growth.where.unknown", lead.allocationSamples())
                : Messages.format("object-growth.where", line.site().site(), line.share() * 100, line.samples(),
                        Messages.format(line.survivors() ? "object-growth.where.survivors" : "object-growth.where.allocations"));
        long count = lead.population().count().lastDepth();
        Figures figures = Figures.builder()
                .growth(v.trend().slopePerSecond(), v.trend().mannKendallZ())
                .levels(lead.judged().peakDepth(), last, -1)
                .window(v.window().durationSeconds(), v.window().count())
                .heap(heap, toLimit, count > 0 ? (double) lead.population().bytes().lastDepth() / count : null)
                .detectedAfter(recording.secondsIntoRecording(lead.judged(), v.firstHeldSeconds()))
                .build();
        return Finding.of(ID, ID)
                .score(score)
                .subject(type, 0)
                .site(lead.site() == null ? "(live " + type + ")" : lead.site().site())
                .creation("", lead.site() == null ? "" : lead.site().stack())
                .text(Messages.format(v.stillGrowing() ? "object-growth.summary" : "object-growth.summary.slowed",
                                GrowthDetector.simpleName(type), v.trend().slopePerSecond(), unit, last,
                                lead.site() == null ? "" : Messages.format("object-growth.summary.at", lead.site().site())),
                        Messages.format("object-growth.explanation", histograms, v.window().durationSeconds(), type,
                                lead.population().count().depth(0), count, lead.population().bytes().lastDepth() / 1e6,
                                others, where, Messages.trendAtEnd(v.stillGrowing())),
                        Messages.format("object-growth.solution"))
                .figures(figures)
                .evidence(recording.file.toString(), Chart.of(lead.judged(), unit, recording.heapAfterGc()))
                .build();
    }

    /** Growth that would fill the heap sooner than this scores higher, as the heap rule's critical. */
    static final double HEAP_LIMIT_SOON_SECONDS = 1800;
}
