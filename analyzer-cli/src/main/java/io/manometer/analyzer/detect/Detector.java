package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.Recording;
import java.util.List;
import java.util.Set;

/**
 * One rule over a recording, shaped like JDK Mission Control's: an id, the events it needs, its
 * thresholds with defaults, and findings with a score, a summary, an explanation and a solution.
 */
public interface Detector {

    /** A threshold the user may override as {@code <detector id>.<key>=<value>}. */
    record Preference(String key, double defaultValue, String description) {}

    String id();

    String description();

    /** Events without which this detector has nothing to say. */
    Set<String> requiredEvents();

    List<Preference> preferences();

    List<Finding> detect(Recording recording, Preferences preferences);
}
