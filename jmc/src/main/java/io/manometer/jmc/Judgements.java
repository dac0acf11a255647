package io.manometer.jmc;

import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.DetectorResult;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Preferences;
import io.manometer.analyzer.reading.Recording;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.openjdk.jmc.common.item.IItemCollection;

/**
 * The analyzer's judgement of one recording, made once however many of the kind rules ask: JMC
 * evaluates every rule over the same item collection, and reading the items and running the
 * detectors is the whole cost. Kept while JMC keeps the collection.
 */
final class Judgements {
    /** What the detectors said of one recording with one set of thresholds. */
    record Judgement(boolean agentPresent, List<Finding> findings, long unreadableEvents, long lostDataBytes) {
        List<Finding> ofKind(String kind) {
            return findings.stream().filter(f -> f.kind().equals(kind))
                    .sorted((a, b) -> Integer.compare(b.score(), a.score())).toList();
        }
    }

    private record Key(Map<String, String> thresholds) {}

    private static final Map<IItemCollection, Map<Key, Judgement>> JUDGED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Judgements() {}

    /** The judgement of {@code items} under {@code thresholds} ({@code <detector>.<key>} to value). */
    static Judgement of(IItemCollection items, Map<String, String> thresholds) {
        Map<Key, Judgement> byThresholds = JUDGED.computeIfAbsent(items, i -> new java.util.concurrent.ConcurrentHashMap<>());
        return byThresholds.computeIfAbsent(new Key(Map.copyOf(thresholds)), k -> judge(items, k.thresholds()));
    }

    private static Judgement judge(IItemCollection items, Map<String, String> thresholds) {
        Recording recording = ItemsReading.read(Objects.requireNonNull(items));
        List<Finding> findings = new ArrayList<>();
        for (DetectorResult result : new Analysis(DetectorRegistry.all(), new Preferences(thresholds)).run(recording)) {
            findings.addAll(result.findings());
        }
        return new Judgement(recording.agentPresent(), List.copyOf(findings), recording.unreadableEvents(),
                recording.lostDataBytes());
    }
}
