package io.manometer.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.manometer.testkit.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manometer attach PID} on JVMs started without a thought of Manometer: it loads the agent,
 * records, names the growing buffers at the lines that feed them, and takes the agent out again,
 * so a second attach works the same; on a JVM already running the agent it says so and records
 * with it; a healthy JVM gives exit 0.
 */
class AttachIT {
    private static final String SERVICE = "com.example.ingest.IngestService";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A running service JVM, up once it has answered its own health request. */
    private static Process service(List<String> jvmOptions, String... serviceArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaHome().resolve("bin/java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("trial.classes"), SERVICE, "120"));
        command.addAll(List.of(serviceArgs));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the service's first line").startsWith("health 200");
        return process;
    }

    private record Attached(int exitCode, String stderr, JsonNode report) {}

    private Attached attach(Process target, String name) throws Exception {
        Path report = dir.resolve(name + ".json");
        ChildJvm.Result run = ChildJvm.java().args("-jar", ChildJvm.builtFile("manometer.analyzerJar").toString(),
                "attach", Long.toString(target.pid()), "--duration", "12s", "--format", "json", "-o", report.toString())
                .timeoutSeconds(90).run();
        return new Attached(run.exitCode(), run.stderr(), JSON.readTree(report.toFile()));
    }

    private static List<JsonNode> serious(JsonNode report) {
        List<JsonNode> found = new ArrayList<>();
        report.at("/findings").forEach(f -> {
            if (List.of("warning", "critical").contains(f.get("severity").asText())) {
                found.add(f);
            }
        });
        return found;
    }

    @Test
    void attachedToAGrowingJvmItNamesTheFeedingLinesAndCanAttachAgainAfterLeaving() throws Exception {
        Process target = service(List.of());
        try {
            for (String attempt : List.of("first", "second")) {
                Attached attached = attach(target, attempt);
                assertThat(attached.exitCode()).as(attempt + ": " + attached).isEqualTo(1);
                assertThat(attached.stderr()).as(attempt).doesNotContain("already runs");
                assertThat(serious(attached.report())).as(attempt + ": " + attached.report().toPrettyString())
                        .anySatisfy(f -> {
                            assertThat(f.get("kind").asText()).isEqualTo("executor-backlog");
                            assertThat(f.get("site").asText()).startsWith(SERVICE + ".unboundedPool(");
                            assertThat(f.get("summary").asText()).contains("made before the agent watched");
                        })
                        .anySatisfy(f -> {
                            assertThat(f.get("kind").asText()).isEqualTo("queue-backlog");
                            assertThat(f.get("site").asText()).startsWith(SERVICE + ".unboundedOutbox(");
                        })
                        .allSatisfy(f -> assertThat(f.get("site").asText()).doesNotContain(".bounded"));
            }
            assertThat(target.isAlive()).as("the application runs on").isTrue();
        } finally {
            target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHealthyJvmStartedWithTheAgentGivesExitZeroAndIsRecordedWithItsAgent() throws Exception {
        Process target = service(List.of("-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                "-Dmanometer.record=off"), "fixed");
        try {
            Attached attached = attach(target, "healthy");
            assertThat(attached.exitCode()).as(attached.toString()).isZero();
            assertThat(attached.stderr()).contains("the agent already runs in " + target.pid());
            assertThat(attached.report().at("/recordings/0/agentPresent").asBoolean()).isTrue();
            assertThat(serious(attached.report())).isEmpty();
        } finally {
            target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
