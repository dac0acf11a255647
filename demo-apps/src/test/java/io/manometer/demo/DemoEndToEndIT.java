package io.manometer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.manometer.testkit.AnalyzerReport;
import io.manometer.testkit.ChildJvm;
import io.manometer.testkit.LiveAlerts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof: each demo runs in its own JVM under the real agent jar with a JFR recording, then the
 * real analyzer jar reads that recording, as a user or a CI job would.
 */
class DemoEndToEndIT {
    private static final String SECONDS = "10";

    /** Each broken demo, the kind of finding it must yield and where (its own line). */
    private static final List<Expected> BROKEN = List.of(
            new Expected("file-to-sink", "executor-backlog", "io.manometer.demo.filetosink.UnboundedFileToSink.run("),
            new Expected("fan-out", "unbounded-fan-out", "io.manometer.demo.fanout.UnlimitedFanOut."),
            new Expected("early-ack", "early-ack", "io.manometer.demo.earlyack.EarlyAckWorker.run("),
            new Expected("unawaited-loop", "unbounded-fan-out", "io.manometer.demo.unawaited.LoopWithoutAwait."),
            new Expected("ignored-offer", "ignored-refusal", "io.manometer.demo.ignoredoffer.DroppingPublisher."),
            new Expected("byte-buffer", "memory-buffer-growth", "io.manometer.demo.bytebuffer.ExportRows.writeRow("));

    private record Expected(String demo, String kind, String sitePrefix) {}

    @TempDir
    static Path dir;
    static Path broken;
    static Path fixed;
    /** What each run printed, by "demo-variant": its live alert lines are on stderr. */
    static final Map<String, ChildJvm.Result> RUNS = new HashMap<>();

    @BeforeAll
    static void recordEveryDemo() throws Exception {
        // A broken demo's alert must come within seconds: each runs alone. The fixed twins are
        // bounded, quiet however slowly they run: they run at once, as in the quiet minute below.
        for (Expected e : BROKEN) {
            record(List.of(e.demo()), "broken");
        }
        record(BROKEN.stream().map(Expected::demo).toList(), "fixed");
        broken = dir.resolve("file-to-sink-broken.jfr");
        fixed = dir.resolve("file-to-sink-fixed.jfr");
    }

    static Stream<Expected> brokenDemos() {
        return BROKEN.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDemos")
    void everyBrokenDemoIsFoundAtItsOwnLine(Expected expected) throws Exception {
        AnalyzerReport result = AnalyzerReport.of(dir.resolve(expected.demo() + "-broken.jfr"));
        assertThat(result.exitCode()).as(result.report().toPrettyString()).isEqualTo(1);
        assertThat(result.findings()).as(result.report().toPrettyString()).anySatisfy(f -> {
            assertThat(f.get("kind").asText()).isEqualTo(expected.kind());
            assertThat(f.get("severity").asText()).isIn("warning", "critical");
            assertThat(f.get("site").asText()).startsWith(expected.sitePrefix());
            assertThat(f.at("/metrics/detectedAfterSeconds").asDouble()).isPositive();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDemos")
    void everyFixedTwinPassesTheGate(Expected expected) throws Exception {
        AnalyzerReport result = AnalyzerReport.of(dir.resolve(expected.demo() + "-fixed.jfr"));
        assertThat(result.exitCode()).as(result.report().toPrettyString()).isZero();
        assertThat(result.findings()).as(result.report().toPrettyString())
                .noneMatch(f -> List.of("warning", "critical").contains(f.get("severity").asText()));
        assertThat(result.report().at("/recordings/0/agentPresent").asBoolean()).isTrue();
    }

    /**
     * The same runs, judged live by the agent: each broken demo raised its alert at its own line
     * while it ran, soon after it started, and the last word of the live verdict on every finding
     * the analyzer reports (kind, severity, site) is the analyzer's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDemos")
    void everyBrokenDemoAlertsLiveAsTheAnalyzerJudgesOffline(Expected expected) throws Exception {
        ChildJvm.Result run = RUNS.get(expected.demo() + "-broken");
        List<LiveAlerts.Alert> alerts = LiveAlerts.in(run.stderr());
        assertThat(alerts).as(run.stderr()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(expected.kind());
            assertThat(a.site()).startsWith(expected.sitePrefix());
            // Raised while the demo runs or at its exit (how soon: benchmarks/live/alert-latency.sh).
            assertThat(a.uptimeSeconds()).isLessThanOrEqualTo(LiveAlerts.WITHIN_SECONDS);
        });
        AnalyzerReport offline = AnalyzerReport.of(dir.resolve(expected.demo() + "-broken.jfr"));
        LiveAlerts.assertAgree(alerts, offline);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDemos")
    void everyFixedTwinIsQuietLive(Expected expected) {
        ChildJvm.Result run = RUNS.get(expected.demo() + "-fixed");
        assertThat(LiveAlerts.in(run.stderr())).as(run.stderr()).isEmpty();
    }

    /** A minute of every fixed twin at once, with the agent alone (no recording asked for): not one alert. */
    @Test
    void fixedTwinsStayQuietForAMinute() throws Exception {
        List<Process> twins = new java.util.ArrayList<>();
        List<Path> errs = new java.util.ArrayList<>();
        for (Expected e : BROKEN) {
            Path err = dir.resolve(e.demo() + "-fixed-minute.err");
            errs.add(err);
            twins.add(new ProcessBuilder(ChildJvm.javaHome().resolve("bin").resolve("java").toString(), "-Xmx256m",
                    "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                    "-cp", ChildJvm.builtFile("manometer.demoJar").toString(), DemoMain.class.getName(), e.demo(),
                    "fixed", "60")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start());
        }
        for (Process p : twins) {
            assertThat(p.waitFor(150, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        for (Path err : errs) {
            String stderr = java.nio.file.Files.readString(err);
            assertThat(LiveAlerts.in(stderr)).as(err + "\n" + stderr).isEmpty();
            assertThat(stderr).as(err.toString()).doesNotContain("[manometer] WARNING");
        }
    }

    /**
     * Under a small heap the broken demo dies of OutOfMemoryError; before it does, the agent dumps
     * the recording, and the dump names the demo's line like any recording.
     */
    @Test
    void aBrokenDemoDumpsItsRecordingBeforeItDiesOfOutOfMemory() throws Exception {
        Path dumps = dir.resolve("dumps-oom");
        ChildJvm.Result bad = runDemo("file-to-sink", "broken", "120", "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                "-javaagent:" + ChildJvm.builtFile("manometer.agentJar") + "=dump.dir=" + dumps);
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(3);
        Path dump = LiveAlerts.dumpNamedIn(bad.stderr());
        assertThat(dump).as(bad.stderr()).isRegularFile().startsWith(dumps);
        assertThat(AnalyzerReport.of(dump).findings()).anySatisfy(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("executor-backlog");
            assertThat(f.get("site").asText()).startsWith("io.manometer.demo.filetosink.UnboundedFileToSink.run(");
        });
    }

    /** kill -9 (what a container's OOM killer sends) once the dump is announced: the dump is on disk. */
    @Test
    void theDumpSurvivesKillMinusNine() throws Exception {
        Path dumps = dir.resolve("dumps-kill");
        Path err = dir.resolve("kill.err");
        Process p = new ProcessBuilder(ChildJvm.javaHome().resolve("bin").resolve("java").toString(), "-Xmx96m",
                "-javaagent:" + ChildJvm.builtFile("manometer.agentJar") + "=dump.dir=" + dumps,
                "-cp", ChildJvm.builtFile("manometer.demoJar").toString(), DemoMain.class.getName(), "file-to-sink",
                "broken", "120")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        try {
            Path dump = null;
            long deadline = System.nanoTime() + 100_000_000_000L;
            while (dump == null && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                dump = LiveAlerts.dumpNamedIn(java.nio.file.Files.readString(err));
            }
            assertThat(dump).as(java.nio.file.Files.readString(err)).isNotNull();
            p.destroyForcibly().waitFor();
            assertThat(AnalyzerReport.of(dump).findings()).anySatisfy(f ->
                    assertThat(f.get("site").asText()).startsWith("io.manometer.demo.filetosink.UnboundedFileToSink.run("));
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * From outside the process, as JConsole or a JMX exporter would: the growing executor has its
     * MBean with its site and verdict, and the summary counts it.
     */
    @Test
    void theLiveVerdictIsReadableOverJmxFromOutside() throws Exception {
        Path err = dir.resolve("jmx.err");
        Process p = new ProcessBuilder(ChildJvm.javaHome().resolve("bin").resolve("java").toString(), "-Xmx256m",
                "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                "-cp", ChildJvm.builtFile("manometer.demoJar").toString(), DemoMain.class.getName(), "file-to-sink",
                "broken", "40")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (LiveAlerts.in(java.nio.file.Files.readString(err)).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(1500); // the MBeans follow the judgement that raised the alert
            com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(p.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (javax.management.remote.JMXConnector jmx = javax.management.remote.JMXConnectorFactory.connect(
                    new javax.management.remote.JMXServiceURL(address))) {
                javax.management.MBeanServerConnection server = jmx.getMBeanServerConnection();
                javax.management.ObjectName summary = new javax.management.ObjectName("io.manometer:type=Summary");
                assertThat((Integer) server.getAttribute(summary, "CriticalCount")).isPositive();
                assertThat((String) server.getAttribute(summary, "WorstFinding"))
                        .contains("executor-backlog at io.manometer.demo.filetosink.UnboundedFileToSink.run(");
                assertThat(server.queryNames(new javax.management.ObjectName("io.manometer:type=Buffer,*"), null))
                        .anySatisfy(name -> {
                            try {
                                assertThat((String) server.getAttribute(name, "Site"))
                                        .startsWith("io.manometer.demo.filetosink.UnboundedFileToSink.run(");
                                assertThat((String) server.getAttribute(name, "Verdict")).isEqualTo("critical executor-backlog");
                                assertThat((Long) server.getAttribute(name, "Depth")).isGreaterThan(1000);
                                assertThat((Double) server.getAttribute(name, "InPerSecond"))
                                        .isGreaterThan((Double) server.getAttribute(name, "OutPerSecond"));
                            } catch (Exception e) {
                                throw new AssertionError(e);
                            }
                        });
            }
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    /**
     * The demos' own claim, with no agent: the broken shape dies, its twin does not. It is the
     * programs' behaviour, not the agent's, so it is proven once, on the oldest JDK supported.
     */
    @Test
    void brokenDemosRunOutOfMemoryUnderASmallHeapWhileTheirTwinsFinish() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ChildJvm.feature() == 17, "proven on JDK 17");
        for (String demo : List.of("file-to-sink", "byte-buffer", "early-ack", "unawaited-loop")) {
            List<ChildJvm.Result> pair = ChildJvm.runAll(List.of(
                    demo(demo, "broken", "90", "-Xmx24m", "-XX:+ExitOnOutOfMemoryError"),
                    demo(demo, "fixed", "10", "-Xmx24m", "-XX:+ExitOnOutOfMemoryError")));
            ChildJvm.Result bad = pair.get(0);
            assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(3);
            assertThat(bad.stderr() + bad.stdout()).contains("OutOfMemoryError");
            ChildJvm.Result good = pair.get(1);
            assertThat(good.exitCode()).as(good.toString()).isZero();
        }
    }

    @Test
    void theIgnoredOfferDemoReallyLosesItemsAndItsTwinLosesNone() throws Exception {
        ChildJvm.Result bad = runDemo("ignored-offer", "broken", "3");
        assertThat(bad.stdout()).containsPattern("[1-9][0-9,]* lost without a trace");
        ChildJvm.Result good = runDemo("ignored-offer", "fixed", "3");
        assertThat(good.stdout()).contains("none lost");
    }

    @Test
    void brokenFileToSinkIsFoundAtItsExecutor() throws Exception {
        AnalyzerReport result = AnalyzerReport.of(broken);
        assertThat(result.exitCode()).as(result.report().toPrettyString()).isEqualTo(1);
        List<JsonNode> findings = result.findings();
        assertThat(findings).as(result.report().toPrettyString()).anySatisfy(f -> {
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
        AnalyzerReport result = AnalyzerReport.of(fixed);
        assertThat(result.exitCode()).as(result.report().toPrettyString()).isZero();
        assertThat(result.findings()).noneMatch(f -> List.of("warning", "critical").contains(f.get("severity").asText()));
        assertThat(result.report().at("/recordings/0/agentPresent").asBoolean()).isTrue();
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

    /** Records each demo's variant under the agent, all at once, into {@code <demo>-<variant>.jfr}. */
    private static void record(List<String> demos, String variant) throws Exception {
        List<ChildJvm> runs = demos.stream().map(demo -> demo(demo, variant, SECONDS, "-Xmx256m",
                "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                "-XX:StartFlightRecording=filename=" + dir.resolve(demo + "-" + variant + ".jfr"))).toList();
        List<ChildJvm.Result> results = ChildJvm.runAll(runs);
        for (int i = 0; i < demos.size(); i++) {
            assertThat(results.get(i).exitCode()).as(results.get(i).toString()).isZero();
            RUNS.put(demos.get(i) + "-" + variant, results.get(i));
        }
    }

    private static ChildJvm.Result runDemo(String demo, String variant, String seconds, String... jvmOptions)
            throws Exception {
        return demo(demo, variant, seconds, jvmOptions).run();
    }

    private static ChildJvm demo(String demo, String variant, String seconds, String... jvmOptions) {
        return ChildJvm.java().args(jvmOptions)
                .args("-cp", ChildJvm.builtFile("manometer.demoJar").toString(), DemoMain.class.getName(), demo, variant,
                        seconds);
    }

}
