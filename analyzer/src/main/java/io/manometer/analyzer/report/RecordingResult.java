package io.manometer.analyzer.report;

import io.manometer.analyzer.detect.DetectorResult;
import io.manometer.analyzer.detect.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis of one recording file, or why it could not be analysed.
 *
 * @param file            the recording
 * @param error           one line when the file could not be read, else null
 * @param durationSeconds time between its first and last event of interest
 * @param agentVersion    version of the agent that wrote it, or null when the agent was absent
 * @param notes           facts the reader should know (missing events, lost data, limits hit)
 * @param gaps            those of the notes that say something was not watched (buffers not
 *                        tracked, events lost): with any, "no findings" is no clean bill of health
 * @param detectors       each detector's outcome
 * @param damaged         part of the file could not be read (the gaps say which): read, judged, and not whole
 */
public record RecordingResult(String file, String error, double durationSeconds, String agentVersion,
                              List<String> notes, List<String> gaps, List<DetectorResult> detectors,
                              boolean damaged) {

    /** A recording read whole. */
    public RecordingResult(String file, String error, double durationSeconds, String agentVersion,
                           List<String> notes, List<String> gaps, List<DetectorResult> detectors) {
        this(file, error, durationSeconds, agentVersion, notes, gaps, detectors, false);
    }

    public static RecordingResult unreadable(String file, String error) {
        return new RecordingResult(file, error, 0, null, List.of(), List.of(), List.of());
    }

    /** Whether everything the application did was watched: no gap. */
    public boolean complete() {
        return error == null && gaps.isEmpty();
    }

    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        for (DetectorResult d : detectors) {
            all.addAll(d.findings());
        }
        return all;
    }
}
