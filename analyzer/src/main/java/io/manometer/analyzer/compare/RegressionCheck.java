package io.manometer.analyzer.compare;

import io.manometer.analyzer.AnalysedRecording;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a CI gate needs to know about a recording compared with a baseline: findings that are new,
 * buffers whose peak backlog grew past a factor, and findings that went away. Findings are matched
 * by {@link Finding#identity()} (kind, subject, class and method of the site), so a line moved by
 * an edit above it is the same finding; the exact site only decides which of several alike pair up.
 *
 * @param newFindings   at or above the gate severity, not in the baseline
 * @param grownPeaks    buffers (by site, line aside) whose peak grew by more than the factor
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
        List<Finding> before = atLeast(baseline.result().findings(), gate);
        List<Finding> now = atLeast(current.result().findings(), gate);
        List<Finding> unmatchedBefore = new ArrayList<>(before);
        List<Finding> added = new ArrayList<>();
        // Same identity at the same site first, then same identity anywhere in the method.
        List<Finding> pending = new ArrayList<>();
        for (Finding f : now) {
            if (!takeMatch(unmatchedBefore, f, true)) {
                pending.add(f);
            }
        }
        for (Finding f : pending) {
            if (!takeMatch(unmatchedBefore, f, false)) {
                added.add(f);
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
        return new RegressionCheck(added, grown, unmatchedBefore);
    }

    private static List<Finding> atLeast(List<Finding> findings, Severity gate) {
        return findings.stream().filter(f -> f.severity().atLeast(gate)).toList();
    }

    /** Removes from {@code candidates} one finding {@code f} matches (at its very site, or anywhere). */
    private static boolean takeMatch(List<Finding> candidates, Finding f, boolean sameSite) {
        for (int i = 0; i < candidates.size(); i++) {
            Finding c = candidates.get(i);
            if (c.identity().equals(f.identity()) && (!sameSite || c.site().equals(f.site()))) {
                candidates.remove(i);
                return true;
            }
        }
        return false;
    }
}
