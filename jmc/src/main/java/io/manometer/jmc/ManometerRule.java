package io.manometer.jmc;

import io.manometer.analyzer.detect.Detector;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;

/**
 * One kind of Manometer finding as a JDK Mission Control rule. The judgement is the analyzer's
 * own (its detectors, its thresholds, its words), made once per recording for every kind
 * ({@link Judgements}): the CLI, the live verdict and JMC say the same thing of one recording.
 *
 * <p>JMC's scale has no "critical", and its warnings start at 75 where Manometer's start at 50: a
 * score is carried band to band ({@link #jmcScore}), so a critical finding is a JMC warning of 90
 * and up, a warning one of 75 to 90. A recording without the agent's events is not applicable, never "OK": the rule
 * did not look.
 */
public abstract class ManometerRule implements IRule {
    /**
     * Where JMC groups these rules' results: the heap's page, as a buffer without a bound ends in
     * a full heap. JMC's reports (the headless one Cryostat runs too) show only results whose topic
     * is one of JMC's own groups, so a topic of Manometer's own would leave them out.
     */
    public static final String TOPIC = "heap";

    private static final String AGENT_INFO = io.manometer.schema.EventSchema.AgentInfo.NAME;

    private final String kind;
    private final Detector detector;
    private final List<TypedPreference<IQuantity>> thresholds = new ArrayList<>();
    private final Map<TypedPreference<IQuantity>, String> thresholdKeys = new HashMap<>();

    protected ManometerRule(String kind) {
        this.kind = kind;
        this.detector = detectorOf(kind);
        for (Detector.Preference p : detector.preferences()) {
            String key = detector.id() + "." + p.key();
            TypedPreference<IQuantity> preference = new TypedPreference<>(key, p.key(), detector.describe(p),
                    UnitLookup.NUMBER.getPersister(), UnitLookup.NUMBER_UNITY.quantity(p.defaultValue()));
            thresholds.add(preference);
            thresholdKeys.put(preference, key);
        }
    }

    /** The detector that reports {@code kind} from the agent's events: the first registered. */
    static Detector detectorOf(String kind) {
        for (Detector d : DetectorRegistry.all()) {
            if (d.kinds().contains(kind) && readsAgentEvents(d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no detector of the agent's events reports " + kind);
    }

    /** Whether {@code detector} judges the agent's events (the others judge without the agent). */
    static boolean readsAgentEvents(Detector detector) {
        return detector.requiredEvents().stream().anyMatch(e -> e.startsWith("manometer."));
    }

    public final String kind() {
        return kind;
    }

    @Override
    public String getId() {
        return "manometer." + kind;
    }

    @Override
    public String getName() {
        String words = kind.replace('-', ' ');
        return "Manometer: " + words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    @Override
    public String getTopic() {
        return TOPIC;
    }

    /**
     * The agent's own mark, present in every recording it took part in: JMC leaves a rule whose
     * required events are missing unevaluated. The detector's finer needs (launches, outbound
     * buffers) are its own to judge: none seen is no finding, as in the analyzer.
     */
    @Override
    public Map<String, EventAvailability> getRequiredEvents() {
        return Map.of(AGENT_INFO, EventAvailability.AVAILABLE);
    }

    @Override
    public Collection<TypedPreference<?>> getConfigurationAttributes() {
        return List.copyOf(thresholds);
    }

    @Override
    public Collection<TypedResult<?>> getResults() {
        return List.of(TypedResult.SCORE);
    }

    @Override
    public RunnableFuture<IResult> createEvaluation(IItemCollection items, IPreferenceValueProvider preferences,
                                                   IResultValueProvider dependencyResults) {
        return new FutureTask<>(() -> evaluate(items, preferences));
    }

    private IResult evaluate(IItemCollection items, IPreferenceValueProvider preferences) {
        Judgements.Judgement judgement = Judgements.of(items, thresholdsSet(preferences));
        ResultBuilder result = ResultBuilder.createFor(this, preferences);
        if (!judgement.agentPresent()) {
            return result.setSeverity(Severity.NA)
                    .setSummary("This recording has no events of the Manometer agent: it was not judged for "
                            + kind + ".")
                    .setExplanation(detector.description() + ". Manometer judges what its agent counts at every "
                            + "buffer; without its events there is nothing to judge.")
                    .setSolution("Record the application with -javaagent:manometer-agent.jar (its events are on "
                            + "in every recording), or with the jfr/manometer.jfc template for its rules that "
                            + "need no agent ('manometer analyze').")
                    .build();
        }
        List<Finding> found = judgement.ofKind(kind);
        if (found.isEmpty()) {
            return result.setSeverity(Severity.OK)
                    .setSummary("Manometer found no " + kind + " in this recording.")
                    .setExplanation(detector.description() + "." + gaps(judgement))
                    .addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(0))
                    .build();
        }
        Finding worst = found.get(0);
        StringBuilder explanation = new StringBuilder(worst.explanation()).append(" Where: ").append(worst.site())
                .append('.');
        if (found.size() > 1) {
            explanation.append(" ").append(found.size() - 1).append(" more:");
            found.stream().skip(1).forEach(f -> explanation.append(" ").append(f.site()).append(';'));
            explanation.setLength(explanation.length() - 1);
            explanation.append('.');
        }
        explanation.append(gaps(judgement));
        return result.setSeverity(severity(worst.severity()))
                .setSummary(worst.summary())
                .setExplanation(explanation.toString())
                .setSolution(worst.solution())
                .addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(jmcScore(worst.score())))
                .build();
    }

    /** JMC has no "critical": a warning, whose score says how bad. */
    static Severity severity(io.manometer.analyzer.detect.Severity severity) {
        return switch (severity) {
            case OK -> Severity.OK;
            case INFO -> Severity.INFO;
            case WARNING, CRITICAL -> Severity.WARNING;
        };
    }

    /**
     * Manometer's score (bands at 25, 50 and 75) on JMC's scale (bands at 25 and 75): info 25-50 to
     * 25-75, warning 50-75 to 75-90, critical 75-100 to 90-100, each band stretched linearly.
     */
    static double jmcScore(int score) {
        double s = Math.max(0, Math.min(100, score));
        if (s < 25) {
            return s;
        }
        if (s < 50) {
            return 25 + (s - 25) * 2;
        }
        if (s < 75) {
            return 75 + (s - 50) * 15 / 25;
        }
        return 90 + (s - 75) * 10 / 25;
    }

    /** What the recording did not let the rule see: a verdict read from part of it says so. */
    private static String gaps(Judgements.Judgement judgement) {
        String gaps = "";
        if (judgement.lostDataBytes() > 0) {
            gaps += " JFR lost " + judgement.lostDataBytes() + " bytes of events: the series may have gaps.";
        }
        if (judgement.unreadableEvents() > 0) {
            gaps += " " + judgement.unreadableEvents() + " of the agent's events could not be read and were left out.";
        }
        return gaps;
    }

    /** The thresholds set away from their defaults, as the analyzer's {@code --set} takes them. */
    private Map<String, String> thresholdsSet(IPreferenceValueProvider preferences) {
        Map<String, String> set = new HashMap<>();
        for (TypedPreference<IQuantity> threshold : thresholds) {
            IQuantity value = preferences == null ? null : preferences.getPreferenceValue(threshold);
            if (value != null && value.doubleValue() != threshold.getDefaultValue().doubleValue()) {
                set.put(thresholdKeys.get(threshold), Double.toString(value.doubleValue()));
            }
        }
        return set;
    }
}
