package io.manometer.analyzer.compare;

import io.manometer.analyzer.AnalysedRecording;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.HeapGrowthDetector;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.detect.ThreadGrowthDetector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a CI gate needs to know about a recording compared with a baseline: findings that are new
 * (same kind at the same site absent from the baseline), buffers whose peak backlog grew past a
 * factor, and findings that went away.
 *
 * @param newFindings   at or above the gate severity, not in the baseline
 * @param grownPeaks    buffers (by site) whose peak grew by more than the factor
 * @param fixedFindings at or above the gate severity in the baseline, gone now
 */
public record RegressionCheck(List<Finding> newFindings, List<GrownPeak> grownPeaks, List<Finding> fixedFindings) {

    /** A buffer whose peak backlog grew. */
    public record GrownPeak(String site, long baselinePeak, long currentPeak, double factor) {}

    public boolean regressed() {
        return !newFindings.isEmpty() || !grownPeaks.isEmpty();
    }

    public static RegressionCheck compare(AnalysedRecording baseline, AnalysedRecording current,
                                   Severity gate, double peakFactor, long minPeak) {
        Set<String> before = keys(baseline.result().findings(), gate);
        Set<String> now = keys(current.result().findings(), gate);
        List<Finding> added = new ArrayList<>();
        for (Finding f : current.result().findings()) {
            if (f.severity().atLeast(gate) && !before.contains(key(f))) {
                added.add(f);
            }
        }
        List<Finding> fixed = new ArrayList<>();
        for (Finding f : baseline.result().findings()) {
            if (f.severity().atLeast(gate) && !now.contains(key(f))) {
                fixed.add(f);
            }
        }
        List<GrownPeak> grown = new ArrayList<>();
        for (Map.Entry<String, Long> peak : current.peakBySite().entrySet()) {
            Long was = baseline.peakBySite().get(peak.getKey());
            long base = was == null ? 0 : was;
            if (peak.getValue() >= minPeak && peak.getValue() > peakFactor * Math.max(1, base)) {
                grown.add(new GrownPeak(peak.getKey(), base, peak.getValue(), peak.getValue() / (double) Math.max(1, base)));
            }
        }
        return new RegressionCheck(added, grown, fixed);
    }

    private static Set<String> keys(List<Finding> findings, Severity gate) {
        Set<String> keys = new HashSet<>();
        for (Finding f : findings) {
            if (f.severity().atLeast(gate)) {
                keys.add(key(f));
            }
        }
        return keys;
    }

    /** Rules about the whole JVM: one finding per recording, whichever line it names this time. */
    private static final Set<String> WHOLE_JVM = Set.of(HeapGrowthDetector.ID, ThreadGrowthDetector.ID);

    /**
     * A finding is "the same" across runs when its kind and site are (line numbers included); a
     * whole-JVM finding by its kind alone, as the line it names (where most long-lived objects were
     * allocated) can differ between two runs of the same leak.
     */
    private static String key(Finding f) {
        return WHOLE_JVM.contains(f.detector()) ? f.kind() : f.kind() + " " + f.site();
    }
}
