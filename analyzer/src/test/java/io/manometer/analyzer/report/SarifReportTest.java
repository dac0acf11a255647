package io.manometer.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Preferences;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.TestRecordings;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    @Test
    void findingsBecomeResultsAtTheirSourceLine() throws Exception {
        Recording recording = TestRecordings.create().queue(1, -1, 20, 20_000, s -> 18_000 * s).build();
        RecordingResult result = new RecordingResult("test.jfr", null, 20, "test", List.of(), List.of(),
                new Analysis(DetectorRegistry.all(), Preferences.defaults()).run(recording));
        StringWriter out = new StringWriter();
        ReportFormat.sarif.write(new Report("1.0", Severity.INFO, List.of(result)), out, false);
        JsonNode sarif = new ObjectMapper().readTree(out.toString());

        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/tool/driver/rules").findValuesAsText("id"))
                .contains("backlog-growth", "heap-growth", "backpressure-engaged");
        JsonNode first = sarif.at("/runs/0/results/0");
        assertThat(first.get("ruleId").asText()).isEqualTo("backlog-growth");
        assertThat(first.get("level").asText()).isEqualTo("error"); // critical
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("com/example/Pipeline.java");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(42);
        assertThat(first.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("com.example.Pipeline.start");
        assertThat(first.at("/message/text").asText()).contains("Fix:");
    }

    /** No results is not a clean bill when something was not watched: the gap travels as a notification. */
    @Test
    void whatWasNotJudgedIsAToolNotification() throws Exception {
        RecordingResult result = new RecordingResult("plain.jfr", null, 20, null, List.of("judged without the agent"),
                List.of("judged without the agent"), List.of());
        StringWriter out = new StringWriter();
        ReportFormat.sarif.write(new Report("1.0", Severity.INFO,
                List.of(result, RecordingResult.unreadable("bad.jfr", "bad.jfr: not a JFR recording"))), out, false);
        JsonNode invocation = new ObjectMapper().readTree(out.toString()).at("/runs/0/invocations/0");
        assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
        assertThat(invocation.get("toolExecutionNotifications").findValuesAsText("text"))
                .containsExactlyInAnyOrder("bad.jfr: not a JFR recording", "plain.jfr: judged without the agent");
    }

    @Test
    void aSiteFoundBelowASourceRootIsNamedByItsPathInTheRepositoryAndFingerprintedByIdentity() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of("target", "sarif-sources");
        java.nio.file.Files.createDirectories(root.resolve("com/example"));
        java.nio.file.Files.writeString(root.resolve("com/example/Pipeline.java"), "class Pipeline {}");
        Recording recording = TestRecordings.create().queue(1, -1, 20, 20_000, s -> 18_000 * s).build();
        RecordingResult result = new RecordingResult("test.jfr", null, 20, "test", List.of(), List.of(),
                new Analysis(DetectorRegistry.all(), Preferences.defaults()).run(recording));
        StringWriter out = new StringWriter();
        ReportFormat.sarif.write(new Report("1.0", Severity.INFO, List.of(result), SourceRoots.inWorkingDirectory(List.of(root))), out, false);
        JsonNode first = new ObjectMapper().readTree(out.toString()).at("/runs/0/results/0");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("target/sarif-sources/com/example/Pipeline.java");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation").has("uriBaseId")).isFalse();
        assertThat(first.at("/partialFingerprints/" + SarifReport.FINGERPRINT.replace("/", "~1")).asText())
                .isEqualTo(result.findings().get(0).identity())
                .doesNotContain("42"); // the line is not part of it
    }

    @Test
    void siteThatIsNoFrameHasNoLocation() {
        var node = new ObjectMapper().createObjectNode();
        SarifReport.location("(whole heap)", SourceRoots.NONE, node);
        assertThat(node.has("locations")).isFalse();
        SarifReport.location("a.b.Outer$Inner.run(Outer.java:7)", SourceRoots.NONE, node);
        assertThat(node.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("a/b/Outer.java");
    }
}
