package io.manometer.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.manometer.testkit.AnalyzerReport;
import io.manometer.testkit.ChildJvm;
import io.manometer.testkit.LiveAlerts;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One application, packaged each way services ship, under the real agent jar, read by the real
 * analyzer jar. Whatever the packaging, the broken run's finding names the application's own line
 * (the library's frame beside it as {@code via}), and the fixed run gives nothing at warning.
 */
class DeploymentMatrixIT {
    private static final String SECONDS = "10";
    private static final String ORDERS_APP = "com.example.orders.OrdersApp";

    /** How the application is launched, and the line its finding must name. */
    enum Packaging {
        /** Separate jars: the application's classes and Reactor's jar on the class path. */
        CLASS_PATH(ORDERS_APP + ".main(OrdersApp.java:"),
        /** maven-shade-plugin: Reactor inside the application's jar, one code source for both. */
        SHADED_JAR(ORDERS_APP + ".main(OrdersApp.java:"),
        /** spring-boot-maven-plugin repackage: Spring Boot's launcher, the application in nested jars. */
        SPRING_BOOT_JAR(ORDERS_APP + ".main(OrdersApp.java:"),
        /** {@code java OrderBacklog.java}: the JDK's compiler runs first and makes queues of its own. */
        SINGLE_SOURCE_FILE("OrderBacklog.main(OrderBacklog.java:");

        final String site;

        Packaging(String site) {
            this.site = site;
        }

        List<String> launch(String variant) {
            List<String> args = new ArrayList<>();
            switch (this) {
                case CLASS_PATH -> args.addAll(List.of("-cp", classPath(), ORDERS_APP));
                case SHADED_JAR -> args.addAll(List.of("-jar", ChildJvm.builtFile("trial.shadedJar").toString()));
                case SPRING_BOOT_JAR -> args.addAll(List.of("-jar", ChildJvm.builtFile("trial.bootJar").toString()));
                case SINGLE_SOURCE_FILE -> args.add(ChildJvm.builtFile("trial.sourceFile").toString());
            }
            args.addAll(List.of(variant, SECONDS));
            return args;
        }
    }

    @TempDir
    static Path dir;
    static final Map<String, ChildJvm.Result> RUNS = new HashMap<>();

    @BeforeAll
    static void runEachPackagingBrokenAndFixed() throws Exception {
        for (Packaging packaging : Packaging.values()) {
            for (String variant : List.of("broken", "fixed")) {
                Path jfr = recording(packaging, variant);
                List<String> args = new ArrayList<>(List.of("-Xmx512m",
                        "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                        "-XX:StartFlightRecording=filename=" + jfr, "-Xlog:jfr+startup=error"));
                args.addAll(packaging.launch(variant));
                ChildJvm.Result run = ChildJvm.java().args(args.toArray(String[]::new)).timeoutSeconds(120).run();
                assertThat(run.exitCode()).as(packaging + " " + variant + ": " + run).isZero();
                RUNS.put(packaging + "-" + variant, run);
            }
        }
    }

    static Stream<Packaging> packagings() {
        return Arrays.stream(Packaging.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void theBrokenRunNamesTheApplicationsLine(Packaging packaging) throws Exception {
        AnalyzerReport report = AnalyzerReport.of(recording(packaging, "broken"));
        assertThat(report.exitCode()).as(report.report().toPrettyString()).isEqualTo(1);
        List<JsonNode> serious = report.findings().stream()
                .filter(f -> List.of("warning", "critical").contains(f.get("severity").asText())).toList();
        // The backlog is the finding; the heap it fills may be reported too (a broken run's heap does
        // grow), but then it must point at the same line, never elsewhere.
        List<JsonNode> backlogs = serious.stream().filter(f -> f.get("kind").asText().equals("queue-backlog")).toList();
        assertThat(backlogs).as(report.report().toPrettyString()).isNotEmpty();
        assertThat(serious).as(report.report().toPrettyString()).allSatisfy(f -> {
            assertThat(f.get("kind").asText()).isIn("queue-backlog", "heap-growth");
            assertThat(f.get("site").asText()).startsWith(packaging.site);
        });
        if (packaging != Packaging.SINGLE_SOURCE_FILE) { // Reactor made the queue: its frame is the via
            assertThat(backlogs).allSatisfy(f -> assertThat(f.get("via").asText()).startsWith("reactor."));
        }
        List<LiveAlerts.Alert> alerts = LiveAlerts.in(RUNS.get(packaging + "-broken").stderr());
        assertThat(alerts).as(RUNS.get(packaging + "-broken").stderr())
                .anySatisfy(a -> assertThat(a.site()).startsWith(packaging.site));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void theFixedRunStaysQuiet(Packaging packaging) throws Exception {
        AnalyzerReport report = AnalyzerReport.of(recording(packaging, "fixed"));
        assertThat(report.exitCode()).as(report.report().toPrettyString()).isZero();
        assertThat(report.findings()).as(report.report().toPrettyString())
                .noneMatch(f -> List.of("warning", "critical").contains(f.get("severity").asText()));
        assertThat(report.report().at("/recordings/0/agentPresent").asBoolean()).isTrue();
        assertThat(LiveAlerts.in(RUNS.get(packaging + "-fixed").stderr())).isEmpty();
    }

    private static Path recording(Packaging packaging, String variant) {
        return dir.resolve(packaging + "-" + variant + ".jfr");
    }

    /** The application's classes and Reactor's jars, as separate entries. */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>(List.of(System.getProperty("trial.classes")));
        Arrays.stream(path.split(File.pathSeparator))
                .filter(e -> e.contains("reactor-core") || e.contains("reactive-streams"))
                .forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }
}
