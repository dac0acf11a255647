package io.manometer.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The MBeans as a platform team scrapes them: a demo's broken executor and its bounded twin, each
 * in its own JVM with Manometer and a real exporter (from Maven Central) configured by the shipped
 * mapping file, scraped over loopback HTTP as Prometheus would. The broken executor's queue size
 * rises, it has no capacity series, its severity is critical; the twin has a capacity and no finding.
 */
class MetricsExportIT {
    private static final String SITE = "io.manometer.demo.filetosink.UnboundedFileToSink.run(UnboundedFileToSink.java:";
    private static final String TWIN_SITE = "io.manometer.demo.filetosink.BoundedFileToSink.run(BoundedFileToSink.java:";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Each exporter: how it is loaded, and its names for the executor's queue, capacity and verdict. */
    enum Exporter {
        OPENTELEMETRY("jvm_executor_queue_size", "jvm_executor_queue_capacity", "jvm_executor_name"),
        PROMETHEUS_JMX("executor_queued_tasks", "jvm_executor_queue_capacity", "name");

        /** Both mappings publish the verdict under the same names, for one set of alert rules. */
        static final String SEVERITY = "manometer_buffer_severity";
        static final String FINDINGS = "manometer_findings";

        final String queueSize;
        final String capacity;
        final String executorLabel;

        Exporter(String queueSize, String capacity, String executorLabel) {
            this.queueSize = queueSize;
            this.capacity = capacity;
            this.executorLabel = executorLabel;
        }

        List<String> jvmOptions(int port) {
            Path metrics = Path.of(System.getProperty("manometer.metricsDir"));
            Path agents = Path.of(System.getProperty("otherAgents.dir"));
            if (this == OPENTELEMETRY) {
                return List.of("-javaagent:" + agents.resolve("opentelemetry-javaagent.jar"),
                        "-Dotel.jmx.config=" + metrics.resolve("otel-jmx-metrics.yaml"),
                        "-Dotel.jmx.discovery.delay=1000", // the agent's MBeans come once it has judged
                        "-Dotel.metrics.exporter=prometheus", "-Dotel.exporter.prometheus.host=127.0.0.1",
                        "-Dotel.exporter.prometheus.port=" + port, "-Dotel.traces.exporter=none",
                        "-Dotel.logs.exporter=none", "-Dotel.service.name=demo");
            }
            return List.of("-javaagent:" + agents.resolve("jmx_prometheus_javaagent.jar") + "=127.0.0.1:" + port + ":"
                    + metrics.resolve("prometheus-jmx-exporter.yaml"));
        }
    }

    @ParameterizedTest
    @EnumSource(Exporter.class)
    void theBrokenExecutorRisesWithoutACapacityAndItsTwinHasOneAndNoFinding(Exporter exporter) throws Exception {
        int brokenPort = freePort();
        int twinPort = freePort();
        Process broken = demo(exporter, "broken", brokenPort);
        Process twin = demo(exporter, "fixed", twinPort);
        try {
            // The broken executor: critical, then its queue higher at a later scrape.
            List<Sample> first = scrapeUntil(brokenPort, samples -> value(samples, Exporter.SEVERITY, "site", SITE) >= 3);
            double queued = value(first, exporter.queueSize, exporter.executorLabel, SITE);
            Thread.sleep(2_000);
            List<Sample> later = scrapeUntil(brokenPort, samples ->
                    value(samples, exporter.queueSize, exporter.executorLabel, SITE) > queued);
            assertThat(critical(later)).isGreaterThanOrEqualTo(1);
            assertThat(find(later, exporter.capacity, exporter.executorLabel, SITE))
                    .as("an unbounded queue has no capacity series").isEmpty();

            // The bounded twin: a capacity, no problem found (its bound at work is information), nothing critical.
            List<Sample> quiet = scrapeUntil(twinPort, samples ->
                    !find(samples, exporter.capacity, exporter.executorLabel, TWIN_SITE).isEmpty()
                            && !find(samples, Exporter.SEVERITY, "site", TWIN_SITE).isEmpty());
            assertThat(value(quiet, exporter.capacity, exporter.executorLabel, TWIN_SITE)).isPositive();
            assertThat(value(quiet, Exporter.SEVERITY, "site", TWIN_SITE))
                    .as("ok, or info: its bound pushing back").isBetween(0.0, 1.0);
            assertThat(critical(quiet)).isZero();
        } finally {
            broken.destroyForcibly().waitFor();
            twin.destroyForcibly().waitFor();
        }
    }

    private static Process demo(Exporter exporter, String variant, int port) throws IOException {
        return ChildJvm.java().args("-Xmx256m", "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"))
                .args(exporter.jvmOptions(port).toArray(String[]::new))
                .args("-jar", ChildJvm.builtFile("manometer.demoJar").toString(), "file-to-sink", variant, "90")
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One line of Prometheus' text format: {@code name{label="value",...} number}. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static List<Sample> scrapeUntil(int port, Predicate<List<Sample>> wanted) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Sample> samples = List.of();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                samples = parse(last);
                if (wanted.test(samples)) {
                    return samples;
                }
            } catch (IOException notYetListening) {
                // the exporter starts with the JVM; the agent's MBeans come after its first judgement
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("not scraped within " + PATIENCE.toSeconds() + " s; last scrape:\n"
                + last.lines().filter(l -> l.contains("executor") || l.contains("manometer")).toList());
    }

    private static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return samples;
    }

    private static List<Sample> find(List<Sample> samples, String name, String label, String prefix) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> label == null || s.labels().getOrDefault(label, "").startsWith(prefix)).toList();
    }

    private static double critical(List<Sample> samples) {
        return value(samples, Exporter.FINDINGS, "severity", "critical");
    }

    /** The value of the one series that matches; -1 when there is none. */
    private static double value(List<Sample> samples, String name, String label, String prefix) {
        List<Sample> found = find(samples, name, label, prefix);
        return found.isEmpty() ? -1 : found.get(0).value();
    }
}
