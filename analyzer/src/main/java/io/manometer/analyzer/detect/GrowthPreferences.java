package io.manometer.analyzer.detect;

import io.manometer.stats.GrowthEvidence;

/**
 * The settings every growth rule shares, and the evidence criteria they make for one detector.
 * Each rule adds its own minimum growth; a rule whose level drains differently may bring its own
 * drained fraction.
 */
final class GrowthPreferences {
    static final Detector.Preference WARMUP = new Detector.Preference("warmupSeconds", 2);
    static final Detector.Preference MIN_SAMPLES = new Detector.Preference("minSamples", 6);
    static final Detector.Preference MIN_DURATION = new Detector.Preference("minDurationSeconds", 4);
    static final Detector.Preference DRAINED_FRACTION = new Detector.Preference("drainedFraction", 0.2);

    private GrowthPreferences() {}

    static GrowthEvidence.Criteria criteria(Detector detector, Preferences p, Detector.Preference minGrowth,
                                            Detector.Preference drainedFraction) {
        return new GrowthEvidence.Criteria(p.get(detector, WARMUP), (int) p.get(detector, MIN_SAMPLES),
                p.get(detector, MIN_DURATION), p.get(detector, minGrowth), p.get(detector, drainedFraction));
    }
}
