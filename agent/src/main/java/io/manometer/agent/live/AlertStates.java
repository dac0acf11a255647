package io.manometer.agent.live;

import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which findings are alerting now, and what changed since the last judgement. A finding is the
 * same from one judgement to the next by its identity (kind, subject, class and method of its
 * site). One that is gone is cleared only after it stayed gone a while, so a growth that pauses for
 * a sample does not flap.
 */
final class AlertStates {
    /** A change worth one alert line. */
    enum Change { RAISED, CRITICAL, EASED, CLEARED }

    /**
     * A change, with the finding it is about (the last one seen, for a cleared alert) and, for a
     * severity that changed, the finding as it was before.
     */
    record Transition(Change change, Finding finding, Finding before) {
        Transition(Change change, Finding finding) {
            this(change, finding, null);
        }
    }

    private record Active(Finding finding, long lastSeenNanos) {}

    private final long clearAfterNanos;
    private final Map<String, Active> active = new HashMap<>();

    AlertStates(long clearAfterNanos) {
        this.clearAfterNanos = clearAfterNanos;
    }

    /** The changes that {@code findings} (all of this judgement's, any severity) make at {@code nowNanos}. */
    List<Transition> update(List<Finding> findings, long nowNanos) {
        List<Transition> changes = new ArrayList<>();
        Map<String, Finding> alerting = new HashMap<>();
        for (Finding f : findings) {
            if (f.severity().atLeast(Severity.WARNING)) {
                alerting.merge(f.identity(), f, (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        for (Finding f : alerting.values()) {
            Active before = active.put(f.identity(), new Active(f, nowNanos));
            Severity was = before == null ? null : before.finding().severity();
            if (was == null) {
                changes.add(new Transition(f.severity() == Severity.CRITICAL ? Change.CRITICAL : Change.RAISED, f));
            } else if (was != f.severity()) {
                changes.add(new Transition(f.severity() == Severity.CRITICAL ? Change.CRITICAL : Change.EASED, f,
                        before.finding()));
            }
        }
        for (Iterator<Map.Entry<String, Active>> it = active.entrySet().iterator(); it.hasNext();) {
            Active a = it.next().getValue();
            if (!alerting.containsKey(a.finding().identity()) && nowNanos - a.lastSeenNanos() >= clearAfterNanos) {
                it.remove();
                changes.add(new Transition(Change.CLEARED, a.finding()));
            }
        }
        return changes;
    }

    /** The findings alerting now, worst first. */
    List<Finding> current() {
        List<Finding> now = new ArrayList<>();
        for (Active a : active.values()) {
            now.add(a.finding());
        }
        now.sort((a, b) -> Integer.compare(b.score(), a.score()));
        return now;
    }
}
