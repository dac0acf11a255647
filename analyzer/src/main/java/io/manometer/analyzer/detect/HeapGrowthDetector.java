package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.RetainedObjects;
import java.util.List;
import java.util.Set;

/**
 * The heap the application keeps (used after each collection) grows steadily. Needs only the JDK's
 * own GC events, so a recording made without the agent still gets this verdict.
 */
public final class HeapGrowthDetector extends DeclaredDetector {
    public static final String ID = "heap-growth";

    static final Preference WARMUP = new Preference("warmupSeconds", 5);
    static final Preference MIN_GROWTH_FRACTION = new Preference("minGrowthFraction", 0.05);
    static final Preference RETAINED_SHARE = new Preference("retainedShare", 0.25);
    static final Preference LIMIT_SOON = new Preference("limitSoonSeconds", 1800);

    public HeapGrowthDetector() {
        super(ID, Set.of(EventNames.GC_HEAP_SUMMARY), List.of(ID),
                List.of(WARMUP, MIN_GROWTH_FRACTION, LIMIT_SOON, RETAINED_SHARE),
                // The heap in the levels: bytes kept after the last collection, of its maximum.
                List.of(Figure.GROWTH_PER_SECOND, Figure.TREND_Z, Figure.PEAK_DEPTH, Figure.FINAL_DEPTH,
                        Figure.CAPACITY, Figure.DURATION_SECONDS, Figure.SAMPLES, Figure.HEAP,
                        Figure.SECONDS_TO_HEAP_LIMIT, Figure.BYTES_PER_ELEMENT));
    }

    /** Backlogs at least this deep at the end are named when nothing else says where the heap goes. */
    static final long LARGE_LEVEL = 1000;

    /** Queues, executors and launch sites holding the most at the end, deepest first (three at most). */
    private static List<BufferSeries> largestBacklogs(Recording recording) {
        return recording.series().stream()
                .filter(s -> s.subject != BufferSeries.Subject.MEMORY_BUFFER && !s.site().isEmpty())
                .filter(s -> s.samples.lastDepth() >= LARGE_LEVEL)
                .sorted(java.util.Comparator.comparingLong((BufferSeries s) -> s.samples.lastDepth()).reversed())
                .limit(3)
                .toList();
    }

    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        HeapContext heap = HeapContext.of(recording, p.get(this, WARMUP));
        if (heap == null || !heap.growing() || heap.maxBytes() <= 0) {
            return List.of();
        }
        double grown = heap.growthBytesPerSecond() * heap.durationSeconds();
        if (grown < p.get(this, MIN_GROWTH_FRACTION) * heap.maxBytes()) {
            return List.of();
        }
        Double toLimit = heap.secondsToLimit();
        boolean soon = toLimit != null && toLimit < p.get(this, LIMIT_SOON);
        int score = soon ? 80 : 55;
        String summary = Messages.format("heap-growth.summary", heap.growthBytesPerSecond() / 1e6,
                heap.lastUsedBytes() / 1e6, heap.maxBytes() / 1e6,
                toLimit == null ? "" : Messages.format("heap-growth.limit", toLimit / 60));
        String explanation = Messages.format("heap-growth.explanation", heap.durationSeconds(), heap.collections(),
                Messages.format(recording.agentPresent() ? "heap-growth.explanation.agent"
                        : "heap-growth.explanation.no-agent"));
        // Where the memory is held, when JFR's old-object sampler says so clearly enough.
        RetainedObjects retained = recording.retained();
        RetainedObjects.Group held = retained.largest();
        boolean named = held != null && held.samples() >= retained.samples() * p.get(this, RETAINED_SHARE);
        String site = "(whole heap)";
        String stack = "";
        if (named) {
            explanation += " " + Messages.format(held.site().isEmpty() ? "heap-growth.retained.type" : "heap-growth.retained",
                    retained.samples(), held.samples(), held.type(), held.site());
            site = held.site().isEmpty() ? site : held.site();
            stack = held.stack();
        }
        // Without a line, the largest backlogs the agent watched: a buffer or a launch site that
        // stopped growing (something ran out) can still hold what fills the heap.
        List<BufferSeries> largest = named && !held.site().isEmpty() ? List.of() : largestBacklogs(recording);
        if (!largest.isEmpty()) {
            List<String> each = largest.stream().map(s -> Messages.format("heap-growth.largest.one",
                    s.samples.lastDepth(), s.subject == BufferSeries.Subject.LAUNCH_SITE ? "in flight from" : "waiting in",
                    GrowthDetector.simpleName(s.type()), s.site())).toList();
            explanation += " " + Messages.format("heap-growth.largest", String.join("; ", each));
            site = largest.get(0).site();
            stack = largest.get(0).producerStack().isEmpty() ? largest.get(0).creationStack()
                    : largest.get(0).producerStack();
        }
        Figures figures = Figures.builder()
                .growth(heap.growthBytesPerSecond(), heap.trendZ())
                .levels(-1, heap.lastUsedBytes(), heap.maxBytes())
                .window(heap.durationSeconds(), heap.collections())
                .heap(heap, toLimit, null)
                .build();
        return List.of(Finding.of(ID, ID)
                .score(score)
                .subject("java heap", 0)
                .site(site)
                .creation("", stack)
                .text(summary, explanation, Messages.format("heap-growth.solution"))
                .figures(figures)
                .evidence(recording.file.toString(), Chart.of(recording.heapAfterGc(), "bytes", null))
                .build());
    }
}
