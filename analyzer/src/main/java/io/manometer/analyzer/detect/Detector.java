package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.Recording;
import java.util.List;
import java.util.Set;

/**
 * One rule over a recording, shaped like JDK Mission Control's: an id, the events it needs, its
 * thresholds with defaults, the figures it reports, and findings with a score, a summary, an
 * explanation and a solution.
 * The words (and what each threshold means) are in messages.properties, apart from the logic.
 */
public interface Detector {

    /**
     * A threshold the user may override as {@code <detector id>.<key>=<value>}. What it means is
     * written in messages.properties ({@link #describe(Preference)}).
     */
    record Preference(String key, double defaultValue) {}

    String id();

    String description();

    /** Events without which this detector has nothing to say. */
    Set<String> requiredEvents();

    List<Preference> preferences();

    /** Every {@link Finding#kind()} this detector can report: each has a summary, an explanation and a solution. */
    List<String> kinds();

    /** Every figure its findings may carry as evidence ({@link Finding#figures()}); no finding carries another. */
    List<Figure<?>> figures();

    List<Finding> detect(Recording recording, Preferences preferences);

    /** What a threshold of this detector means, for {@code manometer detectors}. */
    default String describe(Preference preference) {
        return Messages.setting(id(), preference.key());
    }
}
