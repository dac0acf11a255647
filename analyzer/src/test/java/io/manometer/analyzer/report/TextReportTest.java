package io.manometer.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.detect.DetectorResult;
import io.manometer.analyzer.detect.Severity;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "No findings" says everything kept pace only when everything was watched. */
class TextReportTest {
    private static final List<DetectorResult> CHECKED = List.of(new DetectorResult("backlog-growth", true, null, List.of()));

    private static String text(RecordingResult result) throws Exception {
        StringWriter out = new StringWriter();
        new Report("1.0", Severity.WARNING, List.of(result)).write(ReportFormat.text, out, false);
        return out.toString();
    }

    @Test
    void aRecordingThatWatchedEverythingKeptPace() throws Exception {
        assertThat(text(new RecordingResult("a.jfr", null, 20, "1.0", List.of(), List.of(), CHECKED)))
                .contains("every buffer recorded kept pace with its consumer");
    }

    @Test
    void buffersLeftUntrackedAreNoCleanBillOfHealth() throws Exception {
        String gap = "60379 buffers were not tracked: the agent's tracking limit was reached";
        String report = text(new RecordingResult("a.jfr", null, 20, "1.0", List.of(gap), List.of(gap), CHECKED));
        assertThat(report).contains("note: " + gap).contains("this is not a clean bill of health")
                .doesNotContain("kept pace");
    }
}
