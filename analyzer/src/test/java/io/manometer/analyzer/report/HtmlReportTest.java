package io.manometer.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Preferences;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.TestRecordings;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static String html(Recording recording) throws Exception {
        RecordingResult result = new RecordingResult("run <1>.jfr", null, 20, "test", List.of(), List.of(),
                new Analysis(DetectorRegistry.all(), Preferences.defaults()).run(recording));
        StringWriter out = new StringWriter();
        ReportFormat.html.write(new Report("1.0", Severity.INFO, List.of(result)), out, false);
        return out.toString();
    }

    @Test
    void aSelfContainedPageWithAChartPerFinding() throws Exception {
        String page = html(TestRecordings.create().queue(1, -1, 20, 20_000, s -> 18_000 * s)
                .heap(20, 512_000_000L, s -> 30_000_000L + 4_000_000L * s).build());
        assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        // Nothing fetched: no script, no external stylesheet, image or link.
        assertThat(page).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
                .doesNotContain("<link");
        Matcher polylines = Pattern.compile("<polyline[^>]*points=\"([^\"]+)\"").matcher(page);
        int charts = 0;
        while (polylines.find()) {
            charts++;
            assertThat(polylines.group(1).trim().split(" ")).hasSizeGreaterThan(10);
        }
        // Backlog finding: backlog and heap; heap finding: heap.
        assertThat(charts).isEqualTo(3);
        assertThat(page).contains("heap kept after GC").contains("CRITICAL").contains("com.example.Pipeline.start");
    }

    @Test
    void everythingFromTheRecordingIsEscaped() throws Exception {
        String page = html(TestRecordings.create().queue(1, -1, 20, 20_000, s -> 18_000 * s).build());
        assertThat(page).contains("run &lt;1&gt;.jfr").doesNotContain("run <1>.jfr");
        assertThat(HtmlReport.esc("Foo.<init>(Foo.java:3) & \"x\"")).isEqualTo(
                "Foo.&lt;init&gt;(Foo.java:3) &amp; &quot;x&quot;");
    }
}
