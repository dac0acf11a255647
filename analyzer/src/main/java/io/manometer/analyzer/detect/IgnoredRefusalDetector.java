package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.RefusalSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A backpressure signal that was given and thrown away: an {@code offer} that returned false, or a
 * channel write that left bytes behind, at a line that never looks at the result. Each one is data
 * lost without a trace; a caller that checks the result is not reported (the agent never counts it).
 */
public final class IgnoredRefusalDetector extends DeclaredDetector {
    public static final String ID = "ignored-refusal";

    static final Preference MIN_REFUSALS = new Preference("minRefusals", 1);
    static final Preference MANY_REFUSALS = new Preference("manyRefusals", 1000);

    public IgnoredRefusalDetector() {
        super(ID, Set.of(EventNames.IGNORED_REFUSAL_SAMPLE, EventNames.AGENT_INFO),
                List.of("ignored-refusal", "ignored-write", "rejection-dropped", "rejection-counted",
                        "rejection-handled"),
                List.of(MIN_REFUSALS, MANY_REFUSALS),
                // Refusals counted in the levels; the pool's bound in the capacity.
                List.of(Figure.PEAK_DEPTH, Figure.FINAL_DEPTH, Figure.CAPACITY, Figure.DURATION_SECONDS,
                        Figure.SAMPLES, Figure.DETECTED_AFTER_SECONDS, Figure.REFUSED_PER_SECOND));
    }

    /**
     * A rejection handler drops the task when its first instructions leave without handing it on,
     * unless the task was seen offered again after it (a back-off loop that submits the same task).
     */
    private static String kind(String calledMethod, long retried) {
        if (calledMethod.contains("RejectedExecutionException")) {
            if (retried > 0 || !calledMethod.contains("dropped")) {
                return "rejection-handled";
            }
            return calledMethod.contains("counted") ? "rejection-counted" : "rejection-dropped";
        }
        return calledMethod.endsWith(".write") ? "ignored-write" : "ignored-refusal";
    }

    /**
     * A rejection policy whose name says it discards (the JDK's DiscardPolicy and DiscardOldestPolicy,
     * or any library's of the same name): refused tasks vanish with no exception for a caller to see.
     */
    static boolean discards(String policyClass) {
        String simple = policyClass.substring(Math.max(policyClass.lastIndexOf('.'), policyClass.lastIndexOf('$')) + 1);
        return simple.startsWith("Discard");
    }

    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        List<Finding> findings = new ArrayList<>();
        for (BufferSeries executor : recording.series(BufferSeries.Subject.EXECUTOR)) {
            if (executor.refused() >= p.get(this, MIN_REFUSALS) && discards(executor.rejectionPolicy())) {
                findings.add(discardedByPolicy(recording, executor, p));
            }
        }
        for (RefusalSite site : recording.refusalSites()) {
            // Live, a site's number can come before its name: it is reported once named.
            if (site.refused() < p.get(this, MIN_REFUSALS) || site.site().isEmpty()) {
                continue;
            }
            String key = kind(site.calledMethod(), site.retried());
            // A rejection the handler deals with (runs, retries, queues the task) is backpressure
            // handled by the caller: worth knowing, not a loss.
            int score = key.equals("rejection-handled") || key.equals("rejection-counted") ? 30
                    : site.refused() >= p.get(this, MANY_REFUSALS) ? 80 : 60;
            double duration = site.durationSeconds();
            Double rate = site.refusalsPerSecond();
            String summary = Messages.format(key + ".summary", site.refused(), site.calledMethod(), site.site());
            String explanation = Messages.format(key + ".explanation", site.refused(), site.calledMethod(),
                    site.threads(), rate == null ? 0 : rate);
            if (site.retried() > 0) {
                explanation += " " + Messages.format("rejection-handled.retried", site.retried());
            }
            Figures figures = Figures.builder()
                    .levels(site.refused(), site.refused(), -1)
                    .window(duration, 0)
                    .refusedPerSecond(rate)
                    .detectedAfter((site.firstSeenNanos() - recording.startNanos()) / 1e9)
                    .build();
            findings.add(Finding.of(ID, key)
                    .score(score)
                    .subject(site.calledMethod(), 0)
                    .site(site.site())
                    .producer(site.site(), site.stack())
                    .text(summary, explanation, Messages.format(key + ".solution"))
                    .figures(figures)
                    .evidence(recording.file.toString(), null)
                    .build());
        }
        return findings;
    }

    private Finding discardedByPolicy(Recording recording, BufferSeries executor, Preferences p) {
        String site = executor.site().isEmpty() ? "(site not captured)" : executor.site();
        String policy = GrowthDetector.simpleName(executor.rejectionPolicy());
        return Finding.of(ID, "rejection-dropped")
                .score(executor.refused() >= p.get(this, MANY_REFUSALS) ? 80 : 60)
                .subject(executor.type(), executor.id)
                .site(site)
                .creation(executor.createdBy(), executor.creationStack())
                .producer(executor.producerSite(), executor.producerStack())
                .text(Messages.format("rejection-dropped.summary.policy", executor.refused(), policy, site),
                        Messages.format("rejection-dropped.explanation.policy", executor.refused(), policy),
                        Messages.format("rejection-dropped.solution"))
                .figures(Figures.builder().levels(executor.refused(), executor.refused(), executor.capacity())
                        .build())
                .evidence(recording.file.toString(), null)
                .build();
    }
}
