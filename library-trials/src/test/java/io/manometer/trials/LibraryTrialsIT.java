package io.manometer.trials;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.AnalyzerReport;
import io.manometer.testkit.ChildJvm;
import io.manometer.testkit.LiveAlerts;
import java.io.File;
import java.nio.file.Path;
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
 * Real libraries, not look-alikes: each trial runs in its own JVM under the real agent jar with a
 * JFR recording, and the real analyzer jar reads it. The broken use must be found, at the line
 * that names it; the fixed twin must pass the CI gate.
 */
class LibraryTrialsIT {
    private static final String SECONDS = "12";

    /** Each trial, the kind its broken use must yield, the buffer, and where the report points. */
    private static final List<Expected> TRIALS = List.of(
            // The queue is made inside Reactor: the site is the application's call into it.
            new Expected("reactor-create", "queue-backlog", "SpscLinkedArrayQueue",
                    "io.manometer.trials.ReactorCreateTrial.run("),
            // observeOn's operator implements RxJava's queue interface itself; its queue is still found.
            new Expected("rxjava-observe-on", "queue-backlog", "SpscLinkedArrayQueue",
                    "io.manometer.trials.RxObserveOnTrial.run("),
            // An ArrayDeque, made before the agent could see it, drained through its iterator; fed by
            // OkHttp's dispatcher (the via) at the application's enqueue.
            new Expected("okhttp-enqueue", "queue-backlog", "ArrayDeque", "io.manometer.trials.OkHttpEnqueueTrial.run("),
            // Guava's bus passes each event through a dispatch queue the posting thread drains itself,
            // then into the executor: the executor's backlog, at the line that makes it, not an early ack.
            new Expected("guava-async-event-bus", "executor-backlog", "ThreadPoolExecutor",
                    "io.manometer.trials.GuavaEventBusTrial.run("),
            // Vert.x: a context's ordered blocking tasks wait in a LinkedList, fed at the timer's line.
            new Expected("vertx-execute-blocking", "queue-backlog", "LinkedList",
                    "io.manometer.trials.VertxBlockingTrial.lambda$run$"),
            // Pekko: the actor's mailbox (a node queue with no Queue interface). It is made on one of
            // Pekko's threads, with no application frame, so it is named where tell feeds it.
            new Expected("pekko-tell", "queue-backlog", "NodeMessageQueue", "io.manometer.trials.PekkoTellTrial.run(",
                    "io.manometer.trials.PekkoTellTrial.run("),
            // Netty: writes from a feed thread (submitted to the event loop) and from the event loop
            // itself (an HTTP response through the codec), both ignoring isWritable().
            new Expected("netty-pipeline", "outbound-growth", "Netty channels",
                    "io.manometer.trials.NettyPipelineTrial.run(", "", "writability-ignored"),
            new Expected("netty-http", "outbound-growth", "Netty channels",
                    "io.manometer.trials.NettyHttpTrial$ExportHandler.writeRows(", "", "writability-ignored"),
            // gRPC on grpc-netty-shaded: onNext while the stream is not ready.
            new Expected("grpc-server-stream", "outbound-growth", "gRPC streams",
                    "io.manometer.trials.GrpcServerStreamTrial.export(", "", "writability-ignored"));

    /**
     * The kind the broken use yields, its summary's start, its site and producer (the application's
     * line where it is fed; empty when only the site is checked); other kinds found at the same site.
     */
    private record Expected(String trial, String kind, String buffer, String sitePrefix, String producerPrefix,
                            String... alsoAtSite) {
        Expected(String trial, String kind, String buffer, String sitePrefix) {
            this(trial, kind, buffer, sitePrefix, "");
        }

        @Override
        public String toString() {
            return trial;
        }
    }

    @TempDir
    static Path dir;
    /** What each run printed, by "trial-variant": its live alert lines are on stderr. */
    static final Map<String, ChildJvm.Result> RUNS = new HashMap<>();

    @BeforeAll
    static void recordEveryTrial() throws Exception {
        // A broken use's alert must come within seconds: each runs alone. The fixed twins are
        // bounded, quiet however slowly they run: three at a time (a trial's start-up is busy).
        for (Expected e : TRIALS) {
            record(List.of(e.trial()), "broken");
        }
        List<String> fixed = TRIALS.stream().map(Expected::trial).toList();
        for (int i = 0; i < fixed.size(); i += 3) {
            record(fixed.subList(i, Math.min(fixed.size(), i + 3)), "fixed");
        }
    }

    static Stream<Expected> trials() {
        return TRIALS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trials")
    void theBrokenUseIsFoundWhereItIsMade(Expected expected) throws Exception {
        AnalyzerReport result = AnalyzerReport.of(dir.resolve(expected.trial() + "-broken.jfr"));
        assertThat(result.exitCode()).as(result.report().toPrettyString()).isEqualTo(1);
        assertThat(result.findings()).as(result.report().toPrettyString()).anySatisfy(f -> {
            assertThat(f.get("kind").asText()).isEqualTo(expected.kind());
            assertThat(f.get("severity").asText()).isIn("warning", "critical");
            assertThat(f.get("summary").asText()).startsWith(expected.buffer());
            assertThat(f.get("site").asText()).startsWith(expected.sitePrefix());
            assertThat(f.path("producer").asText()).startsWith(expected.producerPrefix());
        });
        for (String kind : expected.alsoAtSite()) {
            assertThat(result.findings()).as(result.report().toPrettyString()).anySatisfy(f -> {
                assertThat(f.get("kind").asText()).isEqualTo(kind);
                assertThat(f.get("severity").asText()).isIn("warning", "critical");
                assertThat(f.get("site").asText()).startsWith(expected.sitePrefix());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trials")
    void theFixedTwinPassesTheGate(Expected expected) throws Exception {
        AnalyzerReport result = AnalyzerReport.of(dir.resolve(expected.trial() + "-fixed.jfr"));
        assertThat(result.exitCode()).as(result.report().toPrettyString()).isZero();
        assertThat(result.findings()).as(result.report().toPrettyString())
                .noneMatch(f -> List.of("warning", "critical").contains(f.get("severity").asText()));
        assertThat(result.report().at("/recordings/0/agentPresent").asBoolean()).isTrue();
    }

    /** Records each trial's variant under the agent, all at once, into {@code <trial>-<variant>.jfr}. */
    private static void record(List<String> trials, String variant) throws Exception {
        List<ChildJvm> runs = trials.stream().map(trial -> ChildJvm.java()
                .args("-Xmx512m", "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                        "-XX:StartFlightRecording=filename=" + dir.resolve(trial + "-" + variant + ".jfr"),
                        "-Xlog:jfr+startup=error")
                .args("-cp", trialClassPath(), TrialMain.class.getName(), trial, variant, SECONDS)).toList();
        List<ChildJvm.Result> results = ChildJvm.runAll(runs);
        for (int i = 0; i < trials.size(); i++) {
            assertThat(results.get(i).exitCode()).as(results.get(i).toString()).isZero();
            RUNS.put(trials.get(i) + "-" + variant, results.get(i));
        }
    }

    /** The same runs, judged live by the agent: the alerts say what the analyzer says offline. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trials")
    void theLiveVerdictIsTheOfflineOne(Expected expected) throws Exception {
        for (String variant : List.of("broken", "fixed")) {
            ChildJvm.Result run = RUNS.get(expected.trial() + "-" + variant);
            LiveAlerts.assertAgree(LiveAlerts.in(run.stderr()),
                    AnalyzerReport.of(dir.resolve(expected.trial() + "-" + variant + ".jfr")));
        }
    }

    /**
     * gRPC's default transport carries Netty relocated (io.grpc.netty.shaded.io.netty): its channels
     * are followed as Netty's are, recognised by the end of the class name.
     */
    @org.junit.jupiter.api.Test
    void nettyRelocatedInsideGrpcIsRecognised() throws Exception {
        List<String> types = jdk.jfr.consumer.RecordingFile.readAllEvents(dir.resolve("grpc-server-stream-broken.jfr"))
                .stream().filter(e -> e.getEventType().getName().equals("manometer.OutboundSample"))
                .map(e -> e.getString("transport") + " " + e.getString("bufferType")).distinct().toList();
        assertThat(types).contains("netty-channel io.grpc.netty.shaded.io.netty.channel.ChannelOutboundBuffer",
                "grpc-stream io.grpc.netty.shaded.io.grpc.netty.NettyServerStream$TransportState");
    }

    /** This module's classes and the libraries, as the test itself runs with them (not the test-only jars). */
    private static String trialClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(path.split(File.pathSeparator))
                .filter(e -> !e.contains("manometer-agent") && !e.contains("manometer-analyzer") && !e.contains("junit")
                        && !e.contains("assertj") && !e.contains("jackson"))
                .toList();
        assertThat(entries).as("the trial classpath").anyMatch(e -> e.contains("reactor-core"));
        return String.join(File.pathSeparator, entries);
    }

}
