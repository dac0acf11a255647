package io.manometer.analyzer.detect;

import static io.manometer.analyzer.detect.GrowthPreferences.DRAINED_FRACTION;
import static io.manometer.analyzer.detect.GrowthPreferences.MIN_DURATION;
import static io.manometer.analyzer.detect.GrowthPreferences.MIN_SAMPLES;
import static io.manometer.analyzer.detect.GrowthPreferences.WARMUP;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.stats.GrowthEvidence;
import io.manometer.stats.Trend;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Something a buffer holds keeps growing with nothing to stop it: a backlog, work in flight, bytes
 * held. The evidence is the same whatever grows ({@link GrowthEvidence}), so each detector built on
 * this says only what it looks at and how to name and fix it.
 */
abstract class GrowthDetector extends DeclaredDetector {
    static final Preference HEAP_LIMIT_SOON = new Preference("heapLimitSoonSeconds", 1800);

    /** What a growth finding shows: the trend, the levels and rates, the heap meanwhile, the waits. */
    private static final List<Figure<?>> FIGURES = List.of(Figure.GROWTH_PER_SECOND, Figure.TREND_Z,
            Figure.PEAK_DEPTH, Figure.FINAL_DEPTH, Figure.CAPACITY, Figure.IN_PER_SECOND, Figure.OUT_PER_SECOND,
            Figure.DURATION_SECONDS, Figure.SAMPLES, Figure.HEAP, Figure.SECONDS_TO_HEAP_LIMIT,
            Figure.BYTES_PER_ELEMENT, Figure.ESTIMATED_WAIT_SECONDS, Figure.DETECTED_AFTER_SECONDS,
            Figure.OLDEST_WAIT_SECONDS);

    /**
     * What one finding says, by message key prefix, and in what unit; {@code variant}, when not
     * empty, picks keys {@code kind.summary.variant} and so on where they exist.
     */
    record Naming(String kind, String unit, String variant) {
        Naming(String kind, String unit) {
            this(kind, unit, "");
        }

        String key(String part) {
            return kind + part + (variant.isEmpty() ? "" : "." + variant);
        }
    }

    private final Preference minGrowth;
    private final Preference large;

    /** Shared settings first, then the detector's own ({@code own}). */
    GrowthDetector(String id, Set<String> requiredEvents, List<String> kinds, Preference minGrowth, Preference large,
                   Preference... own) {
        super(id, requiredEvents, kinds, settings(minGrowth, large, own), FIGURES);
        this.minGrowth = minGrowth;
        this.large = large;
    }

    /** How much a series must add up to, and reach, to be growth: this detector's own setting. */
    Preference minGrowth() {
        return minGrowth;
    }

    private static List<Preference> settings(Preference minGrowth, Preference large, Preference... own) {
        List<Preference> all = new ArrayList<>(List.of(WARMUP, MIN_SAMPLES, MIN_DURATION, minGrowth, DRAINED_FRACTION,
                large, HEAP_LIMIT_SOON));
        all.addAll(List.of(own));
        return all;
    }

    /** Whether this detector looks at the series at all. */
    abstract boolean covers(BufferSeries series);

    abstract Naming naming(Recording recording, BufferSeries series, Preferences p);

    /**
     * Judges every series it covers. A busy service has thousands, each judged apart by trends that
     * cost O(n^2) in its points: they are judged on every core (one thread, live), and the findings
     * keep the recording's order.
     */
    @Override
    public List<Finding> detect(Recording recording, Preferences preferences) {
        HeapContext heap = HeapContext.of(recording, preferences.get(this, WARMUP));
        List<BufferSeries> all = List.copyOf(recording.series());
        // Live, in the agent, nothing runs on the application's common pool.
        return (recording.isLive() ? all.stream() : all.parallelStream())
                .filter(this::covers)
                .map(series -> {
                    GrowthEvidence.Verdict growth = growth(series, heap, preferences);
                    return growth == null ? null : describe(recording, series, growth, heap, preferences);
                })
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * The evidence that the series grows with nothing pushing back in time, or null: a bound makes
     * the producer wait or fail, unless the heap, at its pace, runs out first.
     */
    GrowthEvidence.Verdict growth(BufferSeries series, HeapContext heap, Preferences p) {
        if (series.isBounded() && (heap == null || heap.secondsToLimit() == null)) {
            return null; // spare the trend: without a heap running out, the bound is backpressure
        }
        GrowthEvidence.Verdict growth = GrowthEvidence.judge(series.samples,
                GrowthPreferences.criteria(this, p, minGrowth, DRAINED_FRACTION));
        return growth != null && (!series.isBounded() || heapRunsOutFirst(series, growth.trend(), heap)) ? growth : null;
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

    private Finding describe(Recording recording, BufferSeries series, GrowthEvidence.Verdict growth,
                             HeapContext heap, Preferences p) {
        SampleSeries samples = series.samples;
        int n = samples.size();
        int from = growth.window().from();
        double duration = growth.window().durationSeconds();
        Trend trend = growth.trend();
        long finalDepth = samples.lastDepth();
        long peak = samples.peakDepth();
        boolean stillGrowing = growth.stillGrowing();
        Double secondsToLimit = heap == null ? null : heap.secondsToLimit();
        Double bytesPerElement = heap != null && heap.growing() ? heap.growthBytesPerSecond() / trend.slopePerSecond()
                : null;
        int score = GrowthEvidence.score(stillGrowing, GrowthEvidence.sizeBonus(finalDepth, p.get(this, large))
                + (secondsToLimit != null && secondsToLimit < p.get(this, HEAP_LIMIT_SOON)
                        ? GrowthEvidence.BONUS_HEAP_LIMIT_SOON : 0));

        Double inRate = samples.in(n - 1) < 0 ? null : (samples.in(n - 1) - samples.in(from)) / duration;
        Double outRate = samples.out(n - 1) < 0 ? null : (samples.out(n - 1) - samples.out(from)) / duration;
        Figures figures = Figures.builder()
                .growth(trend.slopePerSecond(), trend.mannKendallZ())
                .levels(peak, finalDepth, series.capacity())
                .rates(inRate, outRate)
                .window(duration, growth.window().count())
                .heap(heap, secondsToLimit, bytesPerElement)
                .waits(Figures.estimatedWait(finalDepth, outRate), series.oldestWaitSeconds())
                .detectedAfter(recording.secondsIntoRecording(samples, growth.firstHeldSeconds()))
                .build();
        Naming naming = naming(recording, series, p);
        String kind = naming.kind();
        String site = series.site().isEmpty() ? "(site not captured)" : series.site();
        BufferSeries source = drainedSourceOf(recording, series, p);
        String sourceSite = source == null ? "" : source.site();
        // A buffer made before the agent could see it (an ArrayDeque) is named where it is fed.
        String summaryKey = naming.key(series.createdAt().isEmpty() && !series.site().isEmpty() ? ".summary.fed"
                : ".summary");
        // Words agree with severity: growth that slowed (info) is not said to grow.
        String summary = stillGrowing ? Messages.format(summaryKey, simpleName(series.type()), trend.slopePerSecond(),
                naming.unit(), peak, site, sourceSite, series.type())
                : Messages.format("growth.summary.slowed", simpleName(series.type()), finalDepth, naming.unit(), peak,
                        trend.slopePerSecond(), site);
        String explanationKey = naming.key(inRate == null ? ".explanation.unknown-rates"
                : outRate == null ? ".explanation.unknown-completions" : ".explanation");
        String explanation = Messages.format(explanationKey, inRate, outRate, naming.unit(), finalDepth, duration,
                series.createdAt().isEmpty() ? Messages.format("creation.unseen") : createdAt(series, site),
                Messages.trendAtEnd(stillGrowing), sourceSite,
                String.join(", ", series.producerThreadNames()), series.type());
        String detail = detail(series);
        if (!detail.isEmpty()) {
            explanation += " " + detail;
        }
        if (series.isBounded()) {
            explanation += " " + Messages.format("bound.beyond-heap", series.capacity(),
                    secondsToFill(series, trend) / 60, secondsToLimit == null ? 0 : secondsToLimit / 60);
        }
        if (heap != null && heap.growing()) {
            explanation += " " + (secondsToLimit != null
                    ? Messages.format(naming.unit().equals("bytes") ? "heap.limit.bytes" : "heap.limit",
                            heap.growthBytesPerSecond() / 1e6, heap.lastUsedBytes() / 1e6,
                            heap.maxBytes() / 1e6, secondsToLimit / 60, bytesPerElement == null ? 0 : bytesPerElement)
                    : Messages.format("heap.growing", heap.growthBytesPerSecond() / 1e6));
        }
        String solution = Messages.format(naming.key(series.isCommonPool() ? ".solution.common-pool"
                : series.isBounded() ? ".solution.lower-bound" : ".solution"),
                bytesPerElement == null || heap == null ? 0 : heap.maxBytes() / 4 / bytesPerElement);
        return Finding.of(id(), kind)
                .score(score)
                .subject(series.type(), series.id)
                .site(site)
                .creation(series.createdBy(), series.creationStack())
                .producer(series.producerSite(), series.producerStack())
                .text(summary, explanation, solution)
                .figures(figures)
                .evidence(recording.file.toString(), Chart.of(samples, naming.unit(), recording.heapAfterGc()))
                .build();
    }

    /**
     * Where the explanation says the buffer was made: the line the headline names, and the library
     * or JDK frame that made it on that line's behalf (an executor factory), as the text report's
     * {@code via}.
     */
    private static String createdAt(BufferSeries series, String site) {
        String by = series.createdBy();
        return by.isEmpty() || by.equals(site) ? site : Messages.format("creation.via", site, by);
    }

    /** What else the explanation says of this series, or empty: a subclass's own evidence. */
    String detail(BufferSeries series) {
        return "";
    }

    /**
     * The early-ack worker's source: a queue that the threads feeding this series consume from and
     * that does not grow itself. Taking from it and handing the work on without waiting keeps it
     * drained while the work piles up here. A queue that only its own consumers fill is no source:
     * the producer passes its work through a list of its own (Guava's AsyncEventBus dispatches so),
     * and no upstream stage is told the work is done. Null when there is none.
     */
    BufferSeries drainedSourceOf(Recording recording, BufferSeries series, Preferences p) {
        List<String> feeders = series.producerThreadNames();
        if (feeders.isEmpty() || series.subject == BufferSeries.Subject.QUEUE
                || series.subject == BufferSeries.Subject.MEMORY_BUFFER
                || series.subject == BufferSeries.Subject.OUTBOUND) {
            return null;
        }
        for (BufferSeries queue : recording.series(BufferSeries.Subject.QUEUE)) {
            if (queue.samples.lastDepth() >= p.get(this, minGrowth) || queue.filledOnlyByItsConsumers()) {
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
