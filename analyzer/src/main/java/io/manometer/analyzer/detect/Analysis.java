package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.Recording;
import java.util.ArrayList;
import java.util.List;

/** Runs every detector over a recording. */
public final class Analysis {
    private final List<Detector> detectors;
    private final Preferences preferences;

    public Analysis(List<Detector> detectors, Preferences preferences) {
        this.detectors = detectors;
        this.preferences = preferences;
    }

    /**
     * The shortest span of samples over which a growth rule judges, at these preferences: samples
     * spanning less cannot show growth, whatever they hold (0 without growth rules).
     */
    public double shortestGrowthWindowSeconds() {
        double shortest = Double.MAX_VALUE;
        for (Detector detector : detectors) {
            if (detector instanceof GrowthDetector) {
                shortest = Math.min(shortest, preferences.get(detector, GrowthPreferences.MIN_DURATION));
            }
        }
        return shortest == Double.MAX_VALUE ? 0 : shortest;
    }

    public List<DetectorResult> run(Recording recording) {
        recording.sortSamples(); // detectors judge series in parallel
        List<DetectorResult> results = new ArrayList<>();
        for (Detector detector : detectors) {
            List<String> missing = new ArrayList<>();
            for (String event : detector.requiredEvents()) {
                if (!recording.has(event)) {
                    missing.add(event);
                }
            }
            if (missing.size() == detector.requiredEvents().size() && !missing.isEmpty()) {
                results.add(new DetectorResult(detector.id(), false,
                        "no " + String.join(" or ", missing) + " events in the recording", List.of()));
            } else {
                results.add(new DetectorResult(detector.id(), true, null, detector.detect(recording, preferences)));
            }
        }
        return results;
    }
}
