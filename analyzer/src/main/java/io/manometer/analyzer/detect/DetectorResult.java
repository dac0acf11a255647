package io.manometer.analyzer.detect;

import java.util.List;

/**
 * What one detector made of one recording.
 *
 * @param detector         the detector's id
 * @param applicable       false when the events it needs are missing
 * @param notApplicableWhy why not, in one line, when not applicable
 * @param findings         what it found (empty when nothing, or not applicable)
 */
public record DetectorResult(String detector, boolean applicable, String notApplicableWhy, List<Finding> findings) {}
