package io.manometer.analyzer.detect;

import java.util.HashMap;
import java.util.Map;

/**
 * Detector thresholds set by the user ({@code --set detector.key=value}), over each detector's
 * declared defaults. Unknown keys are rejected so that a typo cannot silently change nothing.
 */
public final class Preferences {
    private final Map<String, String> values;

    public Preferences(Map<String, String> values) {
        this.values = new HashMap<>(values);
    }

    public static Preferences defaults() {
        return new Preferences(Map.of());
    }

    public double get(Detector detector, Detector.Preference preference) {
        String value = values.get(detector.id() + "." + preference.key());
        return value == null ? preference.defaultValue() : Double.parseDouble(value);
    }

    /** Returns a one-line problem with the user's settings, or null if they are all valid. */
    public String validate(Iterable<Detector> detectors) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            boolean known = false;
            for (Detector d : detectors) {
                for (Detector.Preference p : d.preferences()) {
                    known |= entry.getKey().equals(d.id() + "." + p.key());
                }
            }
            if (!known) {
                return "unknown setting '" + entry.getKey() + "' (see 'manometer detectors')";
            }
            try {
                Double.parseDouble(entry.getValue());
            } catch (NumberFormatException e) {
                return "setting '" + entry.getKey() + "' needs a number, got '" + entry.getValue() + "'";
            }
        }
        return null;
    }
}
