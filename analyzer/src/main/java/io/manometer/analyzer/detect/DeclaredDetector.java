package io.manometer.analyzer.detect;

import java.util.List;
import java.util.Set;

/**
 * A detector that declares, once and in its constructor, what {@link Detector} asks of it: its id,
 * the events it needs, the kinds of finding it reports, its settings and the figures its findings
 * carry. Its one-line description is {@code <id>.description} in messages.properties.
 */
abstract class DeclaredDetector implements Detector {
    private final String id;
    private final Set<String> requiredEvents;
    private final List<String> kinds;
    private final List<Preference> preferences;
    private final List<Figure<?>> figures;

    DeclaredDetector(String id, Set<String> requiredEvents, List<String> kinds, List<Preference> preferences,
                     List<Figure<?>> figures) {
        this.id = id;
        this.requiredEvents = Set.copyOf(requiredEvents);
        this.kinds = List.copyOf(kinds);
        this.preferences = List.copyOf(preferences);
        this.figures = List.copyOf(figures);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return Messages.format(id + ".description");
    }

    @Override
    public final Set<String> requiredEvents() {
        return requiredEvents;
    }

    @Override
    public final List<String> kinds() {
        return kinds;
    }

    @Override
    public final List<Preference> preferences() {
        return preferences;
    }

    @Override
    public final List<Figure<?>> figures() {
        return figures;
    }
}
