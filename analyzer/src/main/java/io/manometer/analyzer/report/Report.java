package io.manometer.analyzer.report;

import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one {@code manometer analyze} call found, in the order a reader wants it: worst first.
 *
 * @param toolVersion the analyzer's version
 * @param minSeverity findings below this are left out of {@link #findings()}
 * @param recordings  one result per file given
 * @param sources     where the application's sources are, so a report can name a site's file by its
 *                    path in the repository ({@link SourceRoots#NONE} when unknown)
 */
public record Report(String toolVersion, Severity minSeverity, List<RecordingResult> recordings,
                     SourceRoots sources) {

    public Report(String toolVersion, Severity minSeverity, List<RecordingResult> recordings) {
        this(toolVersion, minSeverity, recordings, SourceRoots.NONE);
    }

    /** Renders this report in {@code format}. */
    public void write(ReportFormat format, java.io.Writer out, boolean colour) throws java.io.IOException {
        format.write(this, out, colour);
    }

    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        for (RecordingResult r : recordings) {
            for (Finding f : r.findings()) {
                if (f.severity().atLeast(minSeverity)) {
                    all.add(f);
                }
            }
        }
        all.sort(Comparator.comparingInt(Finding::score).reversed());
        return all;
    }

    public long count(Severity severity) {
        return findings().stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether a recording could not be read, or only in part (damaged): its verdict is not the whole story. */
    public boolean anyUnreadable() {
        return recordings.stream().anyMatch(r -> r.error() != null || r.damaged());
    }

    /** True when some finding, shown or not, is at or above the gate. */
    public boolean failsGate(Severity gate) {
        return recordings.stream().flatMap(r -> r.findings().stream()).anyMatch(f -> f.severity().atLeast(gate));
    }
}
