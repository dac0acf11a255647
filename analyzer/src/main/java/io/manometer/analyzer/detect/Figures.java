package io.manometer.analyzer.detect;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The figures one finding carries as evidence, each by its {@link Figure}: only those its kind has.
 * A figure present with a null value is one the kind has but this recording could not count (an
 * {@code ArrayDeque}'s removals); an absent figure is not one of the kind's. Written as one JSON
 * object, {@code metrics}, in the order the figures were declared.
 */
public final class Figures {
    private static final Figures NONE = new Figures(Map.of());

    private final Map<Figure<?>, Object> values;

    private Figures(Map<Figure<?>, Object> values) {
        this.values = values;
    }

    /** No figures at all. */
    public static Figures none() {
        return NONE;
    }

    /** Figures to be filled in, each by what it means. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value of {@code figure}: null when absent, or not counted. */
    public <T> T get(Figure<T> figure) {
        return figure.type().cast(values.get(figure));
    }

    /** The value of {@code figure}, or {@code absent} when it is absent or not counted. */
    public <T> T getOr(Figure<T> figure, T absent) {
        T value = get(figure);
        return value == null ? absent : value;
    }

    /** Whether this finding's kind has {@code figure} (counted or not). */
    public boolean has(Figure<?> figure) {
        return values.containsKey(figure);
    }

    /** The figures present, in their declared order. */
    public Set<Figure<?>> present() {
        return values.keySet();
    }

    /** As JSON writes it: each figure's name and value, in declared order. */
    @JsonValue
    public Map<String, Object> byName() {
        Map<String, Object> named = new LinkedHashMap<>();
        values.forEach((figure, value) -> named.put(figure.id(), value));
        return named;
    }

    /** Little's law: the time an element now waits is the backlog divided by how fast it drains. */
    static Double estimatedWait(long backlog, Double outPerSecond) {
        return outPerSecond == null || outPerSecond <= 0 ? null : backlog / outPerSecond;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figures other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return byName().toString();
    }

    /** Fills in {@link Figures}: a figure is present once said, even as null (not counted). */
    public static final class Builder {
        private final Map<Figure<?>, Object> values = new LinkedHashMap<>();

        private Builder() {}

        public <T> Builder set(Figure<T> figure, T value) {
            values.put(figure, value);
            return this;
        }

        /** The robust slope and its Mann–Kendall score. */
        public Builder growth(double perSecond, double trendZ) {
            return set(Figure.GROWTH_PER_SECOND, perSecond).set(Figure.TREND_Z, trendZ);
        }

        /** The largest and last level, and the bound (-1: unbounded). */
        public Builder levels(long peak, long last, long capacity) {
            return set(Figure.PEAK_DEPTH, peak).set(Figure.FINAL_DEPTH, last).set(Figure.CAPACITY, capacity);
        }

        /** Accepted and removed per second; null where not counted. */
        public Builder rates(Double in, Double out) {
            return set(Figure.IN_PER_SECOND, in).set(Figure.OUT_PER_SECOND, out);
        }

        /** The window judged. */
        public Builder window(double durationSeconds, int samples) {
            return set(Figure.DURATION_SECONDS, durationSeconds).set(Figure.SAMPLES, samples);
        }

        /** What the heap did, when it runs out at its pace, and the heap held per element. */
        public Builder heap(HeapContext heap, Double secondsToLimit, Double bytesPerElement) {
            return set(Figure.HEAP, heap).set(Figure.SECONDS_TO_HEAP_LIMIT, secondsToLimit)
                    .set(Figure.BYTES_PER_ELEMENT, bytesPerElement);
        }

        /** How long an element waits: by Little's law at the end, and as the agent measured the oldest. */
        public Builder waits(Double estimatedSeconds, Double oldestSeconds) {
            return set(Figure.ESTIMATED_WAIT_SECONDS, estimatedSeconds).set(Figure.OLDEST_WAIT_SECONDS, oldestSeconds);
        }

        public Builder detectedAfter(Double seconds) {
            return set(Figure.DETECTED_AFTER_SECONDS, seconds);
        }

        public Builder refusedPerSecond(Double perSecond) {
            return set(Figure.REFUSED_PER_SECOND, perSecond);
        }

        public Figures build() {
            Map<Figure<?>, Object> ordered = new LinkedHashMap<>();
            values.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<Figure<?>, Object> e) -> e.getKey().order()))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            return new Figures(java.util.Collections.unmodifiableMap(ordered));
        }
    }
}
