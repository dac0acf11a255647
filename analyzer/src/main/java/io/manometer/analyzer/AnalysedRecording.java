package io.manometer.analyzer;

import io.manometer.analyzer.report.RecordingResult;
import java.util.Map;

/**
 * One analysed recording: its result, and the peak backlog seen at each buffer site (what a
 * comparison with a baseline needs beyond the findings).
 *
 * @param result     what the detectors found, and the notes
 * @param peakBySite highest level per "subject site", for every buffer whose site is known
 */
public record AnalysedRecording(RecordingResult result, Map<String, Long> peakBySite) {}
