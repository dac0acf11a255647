package io.manometer.analyzer;

import io.manometer.analyzer.report.RecordingResult;
import java.util.Map;

/**
 * One analysed recording: its result, and the peak backlog seen at each buffer site (what a
 * comparison with a baseline needs beyond the findings).
 *
 * @param result     what the detectors found, and the notes
 * @param peakBySite highest level per "subject class.method" of its site, for every buffer whose site is known
 */
public record AnalysedRecording(RecordingResult result, Map<String, Long> peakBySite) {

    /**
     * Several recordings (a build's test forks) as one: every finding of each, the highest peak per
     * site. What a gate compares when one run is many JVMs.
     */
    public static AnalysedRecording merge(String name, java.util.List<AnalysedRecording> parts) {
        java.util.List<io.manometer.analyzer.detect.DetectorResult> detectors = new java.util.ArrayList<>();
        java.util.List<String> notes = new java.util.ArrayList<>();
        java.util.List<String> gaps = new java.util.ArrayList<>();
        Map<String, Long> peaks = new java.util.HashMap<>();
        double duration = 0;
        String agent = null;
        for (AnalysedRecording part : parts) {
            detectors.addAll(part.result().detectors());
            notes.addAll(part.result().notes());
            gaps.addAll(part.result().gaps());
            part.peakBySite().forEach((site, peak) -> peaks.merge(site, peak, Math::max));
            duration += part.result().durationSeconds();
            agent = agent != null ? agent : part.result().agentVersion();
        }
        return new AnalysedRecording(new RecordingResult(name, null, duration, agent, notes, gaps, detectors), peaks);
    }
}
