package io.manometer.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the built analyzer jar says of a recording, run as a CI job would run it ({@code analyze
 * --format json}): its exit code and its report. It runs with {@code --reader check}, so every
 * recording a test reads also checks the positional reader against JFR's, field by field.
 */
public record AnalyzerReport(int exitCode, JsonNode report) {

    /** Runs the analyzer jar named by the system property {@code manometer.analyzerJar} on {@code jfr}. */
    public static AnalyzerReport of(Path jfr) throws IOException, InterruptedException {
        ChildJvm.Result analyzer = ChildJvm.java()
                .args("-jar", ChildJvm.builtFile("manometer.analyzerJar").toString(), "analyze", "--format", "json",
                        "--reader", "check", jfr.toString())
                .run();
        if (!analyzer.stderr().isEmpty()) {
            throw new AssertionError("the analyzer wrote to stderr:\n" + analyzer);
        }
        return new AnalyzerReport(analyzer.exitCode(), new ObjectMapper().readTree(analyzer.stdout()));
    }

    public List<JsonNode> findings() {
        List<JsonNode> list = new ArrayList<>();
        report.get("findings").forEach(list::add);
        return list;
    }
}
