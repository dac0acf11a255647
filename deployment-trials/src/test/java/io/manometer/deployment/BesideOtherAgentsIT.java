package io.manometer.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.manometer.testkit.AnalyzerReport;
import io.manometer.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Manometer beside the APM agents production JVMs carry (from Maven Central), listed before them
 * and after them, on one service that runs broken and fixed hand-offs at once. Beside each, in each
 * order: the same buffer findings (kind, severity, site) as with Manometer alone, nothing about the
 * fixed hand-offs, the other agent still at work, and no warning or stack trace from Manometer.
 */
class BesideOtherAgentsIT {
    private static final String SERVICE = "com.example.ingest.IngestService";
    private static final String SECONDS = "10";
    /** Findings about the whole JVM (heap, threads) depend on collector timing, not on the agents. */
    private static final Set<String> WHOLE_JVM_KINDS = Set.of("heap-growth", "thread-growth");

    /** An agent people run beside Manometer, configured to export nowhere (or to the console). */
    enum OtherAgent {
        OPENTELEMETRY("opentelemetry-javaagent.jar", "LoggingSpanExporter",
                "-Dotel.traces.exporter=console", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"),
        ELASTIC("elastic-apm-agent.jar", "Starting Elastic APM",
                "-Delastic.apm.disable_send=true", "-Delastic.apm.central_config=false",
                "-Delastic.apm.service_name=ingest"),
        DATADOG("dd-java-agent.jar", "DATADOG TRACER CONFIGURATION",
                "-Ddd.trace.agent.port=9", "-Ddd.remote_config.enabled=false",
                "-Ddd.instrumentation.telemetry.enabled=false");

        final String jar;
        /** A line it prints when at work. */
        final String atWork;
        final List<String> options;

        OtherAgent(String jar, String atWork, String... options) {
            this.jar = jar;
            this.atWork = atWork;
            this.options = List.of(options);
        }

        Path jar() {
            return Path.of(System.getProperty("otherAgents.dir")).resolve(jar);
        }
    }

    /** Listed before Manometer (it loads the JDK's queues and executors first) or after. */
    enum Order { OTHER_FIRST, MANOMETER_FIRST }

    record Run(OtherAgent agent, Order order) {
        @Override
        public String toString() {
            return agent + " " + order;
        }
    }

    @TempDir
    static Path dir;
    static final Map<String, ChildJvm.Result> RESULTS = new HashMap<>();
    static final Map<String, AnalyzerReport> REPORTS = new HashMap<>();

    @BeforeAll
    static void runAloneAndBesideEachAgentInEachOrder() throws Exception {
        run("alone", List.of());
        for (Run run : runs().toList()) {
            List<String> agents = new ArrayList<>(run.agent.options);
            String other = "-javaagent:" + run.agent.jar();
            String manometer = "-javaagent:" + ChildJvm.builtFile("manometer.agentJar");
            agents.addAll(run.order == Order.OTHER_FIRST ? List.of(other, manometer) : List.of(manometer, other));
            run(run.toString(), agents);
        }
    }

    private static void run(String name, List<String> agentArgs) throws Exception {
        Path jfr = dir.resolve(name.replace(' ', '-') + ".jfr");
        List<String> args = new ArrayList<>(List.of("-Xmx512m"));
        args.addAll(agentArgs.isEmpty() ? List.of("-javaagent:" + ChildJvm.builtFile("manometer.agentJar"))
                : agentArgs);
        args.addAll(List.of("-XX:StartFlightRecording=filename=" + jfr, "-Xlog:jfr+startup=error",
                "-cp", System.getProperty("trial.classes"), SERVICE, SECONDS));
        ChildJvm.Result result = ChildJvm.java().args(args.toArray(String[]::new)).timeoutSeconds(180).run();
        assertThat(result.exitCode()).as(name + ": " + result).isZero();
        RESULTS.put(name, result);
        REPORTS.put(name, AnalyzerReport.of(jfr));
    }

    static Stream<Run> runs() {
        return Arrays.stream(OtherAgent.values())
                .flatMap(agent -> Arrays.stream(Order.values()).map(order -> new Run(agent, order)));
    }

    /** kind, severity and site of each warning or critical finding about a buffer. */
    private static Set<String> bufferFindings(String name) {
        return REPORTS.get(name).findings().stream()
                .filter(f -> List.of("warning", "critical").contains(f.get("severity").asText()))
                .filter(f -> !WHOLE_JVM_KINDS.contains(f.get("kind").asText()))
                .map(f -> f.get("kind").asText() + " " + f.get("severity").asText() + " " + f.get("site").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aloneManometerFindsBothBrokenHandOffsAndNothingElse() {
        Set<String> findings = bufferFindings("alone");
        assertThat(findings).as(REPORTS.get("alone").report().toPrettyString()).hasSize(2)
                .anySatisfy(f -> assertThat(f).startsWith("executor-backlog critical " + SERVICE + ".unboundedPool("))
                .anySatisfy(f -> assertThat(f).startsWith("queue-backlog critical " + SERVICE + ".unboundedOutbox("));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void besideAnotherAgentTheFindingsAreTheSameAsAlone(Run run) {
        JsonNode report = REPORTS.get(run.toString()).report();
        assertThat(bufferFindings(run.toString())).as(report.toPrettyString()).isEqualTo(bufferFindings("alone"));
        assertThat(REPORTS.get(run.toString()).findings()).as("the fixed hand-offs: at most backpressure engaged")
                .filteredOn(f -> f.get("site").asText().contains(".bounded"))
                .allSatisfy(f -> assertThat(f.get("severity").asText()).isEqualTo("info"));
        assertThat(report.at("/recordings/0/gaps")).as(report.toPrettyString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theOtherAgentStillWorksAndManometerSaysNothingAmiss(Run run) {
        ChildJvm.Result result = RESULTS.get(run.toString());
        assertThat(result.stdout() + result.stderr()).as(result.toString()).contains(run.agent.atWork);
        assertThat(result.stderr()).as(result.toString())
                .doesNotContain("[manometer] WARNING")
                .doesNotContain("at io.manometer.");
    }
}
