package io.manometer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.manometer.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof: each demo runs in its own JVM under the real agent jar with a JFR recording, then the
 * real analyzer jar reads that recording, as a user or a CI job would.
 */
class DemoEndToEndIT {
    private static final String SECONDS = "10";

    @TempDir
    static Path dir;
    static Path broken;
    static Path fixed;
    static Path fanOutBroken;
    static Path fanOutFixed;

    @BeforeAll
    static void recordBothVariants() throws Exception {
        broken = record("file-to-sink", "broken");
        fixed = record("file-to-sink", "fixed");
        fanOutBroken = record("fan-out", "broken");
        fanOutFixed = record("fan-out", "fixed");
    }

    @Test
    void unlimitedFanOutIsFound() throws Exception {
        Analysis result = analyse(fanOutBroken);
        assertThat(result.exitCode).as(result.report.toPrettyString()).isEqualTo(1);
        // Two cores or fewer: a thread per call. More: tasks waiting in the common pool, named where fed.
        assertThat(result.findings()).as(result.report.toPrettyString()).anySatisfy(f -> {
            assertThat(f.get("kind").asText()).isIn("thread-growth", "executor-backlog");
            assertThat(f.get("severity").asText()).isIn("warning", "critical");
        });
    }

    @Test
    void fanOutLimitedByASemaphorePassesTheGate() throws Exception {
        Analysis result = analyse(fanOutFixed);
        assertThat(result.exitCode).as(result.report.toPrettyString()).isZero();
        assertThat(result.findings()).noneMatch(f -> List.of("warning", "critical").contains(f.get("severity").asText()));
    }

    @Test
    void brokenFileToSinkIsFoundAtItsExecutor() throws Exception {
        Analysis result = analyse(broken);
        assertThat(result.exitCode).as(result.report.toPrettyString()).isEqualTo(1);
        List<JsonNode> findings = result.findings();
        assertThat(findings).as(result.report.toPrettyString()).anySatisfy(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("executor-backlog");
            assertThat(f.get("severity").asText()).isIn("warning", "critical");
            assertThat(f.get("site").asText())
                    .startsWith("io.manometer.demo.filetosink.UnboundedFileToSink.run(UnboundedFileToSink.java:");
            assertThat(f.get("createdBy").asText()).startsWith("java.util.concurrent.Executors.newFixedThreadPool(");
            // The line that feeds it: the reader's hand-off in the shared pipeline.
            assertThat(f.get("producer").asText()).startsWith("io.manometer.demo.filetosink.FileToSinkPipeline.");
            assertThat(f.at("/metrics/growthPerSecond").asDouble()).isGreaterThan(1000);
        });
    }

    @Test
    void fixedFileToSinkPassesTheGate() throws Exception {
        Analysis result = analyse(fixed);
        assertThat(result.exitCode).as(result.report.toPrettyString()).isZero();
        assertThat(result.findings()).noneMatch(f -> List.of("warning", "critical").contains(f.get("severity").asText()));
        assertThat(result.report.at("/recordings/0/agentPresent").asBoolean()).isTrue();
        // The bound works, and the report says where the bottleneck is.
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("backpressure-engaged");
            assertThat(f.get("severity").asText()).isEqualTo("info");
            assertThat(f.get("site").asText())
                    .startsWith("io.manometer.demo.filetosink.BoundedFileToSink.run(BoundedFileToSink.java:");
        });
    }

    @Test
    void diffAgainstAHealthyBaselineFailsTheBuildOnlyForTheRegression() throws Exception {
        ChildJvm.Result regression = manometer("diff", fixed.toString(), broken.toString());
        assertThat(regression.exitCode()).as(regression.toString()).isEqualTo(1);
        assertThat(regression.stdout()).contains("NEW    CRITICAL executor-backlog").contains("UnboundedFileToSink");
        ChildJvm.Result same = manometer("diff", broken.toString(), broken.toString());
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.stdout()).contains("No regression");
    }

    private static ChildJvm.Result manometer(String... args) throws Exception {
        return ChildJvm.java().args("-jar", ChildJvm.builtFile("manometer.analyzerJar").toString()).args(args).run();
    }

    private static Path record(String demo, String variant) throws Exception {
        Path jfr = dir.resolve(demo + "-" + variant + ".jfr");
        ChildJvm.Result app = ChildJvm.java()
                .args("-Xmx256m", "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                        "-XX:StartFlightRecording=filename=" + jfr,
                        "-cp", ChildJvm.builtFile("manometer.demoJar").toString(),
                        DemoMain.class.getName(), demo, variant, SECONDS)
                .run();
        assertThat(app.exitCode()).as(app.toString()).isZero();
        return jfr;
    }

    private static Analysis analyse(Path jfr) throws Exception {
        ChildJvm.Result analyzer = manometer("analyze", "--format", "json", jfr.toString());
        assertThat(analyzer.stderr()).as(analyzer.toString()).isEmpty();
        return new Analysis(analyzer.exitCode(), new ObjectMapper().readTree(analyzer.stdout()));
    }

    private record Analysis(int exitCode, JsonNode report) {
        List<JsonNode> findings() {
            List<JsonNode> list = new ArrayList<>();
            report.get("findings").forEach(list::add);
            return list;
        }
    }
}
