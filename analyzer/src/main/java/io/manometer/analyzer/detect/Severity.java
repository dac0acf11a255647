package io.manometer.analyzer.detect;

import java.util.Locale;

/** How bad a finding is. Scores from 0 to 100 map onto it as JDK Mission Control's rules do. */
public enum Severity {
    OK(0), INFO(25), WARNING(50), CRITICAL(75);

    /** Lowest score with this severity. */
    public final int minScore;

    Severity(int minScore) {
        this.minScore = minScore;
    }

    /** The severity a user names ({@code info}, {@code warning}, {@code critical}, any case). */
    public static Severity ofLabel(String label) {
        for (Severity s : new Severity[] {INFO, WARNING, CRITICAL}) {
            if (s.label().equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be info, warning or critical, got '" + label + "'");
    }

    public static Severity ofScore(int score) {
        Severity result = OK;
        for (Severity s : values()) {
            if (score >= s.minScore) {
                result = s;
            }
        }
        return result;
    }

    /** As every report writes it: lower case. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
