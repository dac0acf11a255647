package io.manometer.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a platform team installs beside its metrics pipeline, as shipped in the distribution: the
 * alerting rules and the Grafana dashboard name only metrics the two mapping files publish (in
 * their Prometheus form), so neither reads a series that never comes. MetricsExportIT scrapes the
 * mappings' metrics from real exporters.
 */
class MetricsFilesIT {
    private static final Path METRICS = Path.of("target", "manometer", "metrics").toAbsolutePath();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A metric name of ours in PromQL: Manometer's, and the executor names the mappings publish. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:manometer|executor|jvm_executor)_[a-z_]+)\\b");

    @Test
    void theAlertingRulesPageOnCriticalAndHeapAndTicketOnWarningsOverPublishedMetricsOnly() throws Exception {
        JsonNode rules = YAML.readTree(METRICS.resolve("prometheus-alerts.yaml").toFile()).at("/groups/0/rules");
        assertThat(rules.size()).isPositive();
        List<String> exprs = new ArrayList<>();
        for (JsonNode rule : rules) {
            assertThat(rule.get("alert").asText()).isNotBlank();
            assertThat(rule.at("/labels/severity").asText()).as(rule.toString()).isIn("page", "ticket");
            assertThat(rule.at("/annotations/summary").asText()).isNotBlank();
            exprs.add(rule.get("expr").asText());
        }
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.get("expr").asText()).contains("manometer_buffer_severity");
            assertThat(r.at("/labels/severity").asText()).isEqualTo("page");
        }).anySatisfy(r -> {
            assertThat(r.get("expr").asText()).contains("manometer_heap_exhaustion_seconds");
            assertThat(r.at("/labels/severity").asText()).isEqualTo("page");
        }).anySatisfy(r -> {
            assertThat(r.get("expr").asText()).contains("severity=\"warning\"");
            assertThat(r.at("/labels/severity").asText()).isEqualTo("ticket");
        });
        assertPublished(exprs);
    }

    @Test
    void theDashboardShowsFindingsHeapAndBuffersFromPublishedMetricsOnly() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(METRICS.resolve("grafana-dashboard.json").toFile());
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                exprs.add(target.get("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if (variable.has("definition")) {
                exprs.add(variable.get("definition").asText());
            }
        }
        assertThat(String.join("\n", exprs)).contains("manometer_findings", "manometer_heap_exhaustion_seconds",
                "manometer_buffer_depth", "deriv(");
        assertPublished(exprs);
    }

    /** Every metric {@code exprs} name is published by the JMX exporter's mapping, and Manometer's by both. */
    private static void assertPublished(List<String> exprs) throws Exception {
        Set<String> jmxExporter = jmxExporterNames();
        Set<String> openTelemetry = openTelemetryNames();
        Set<String> named = new TreeSet<>();
        for (String expr : exprs) {
            Matcher m = METRIC.matcher(expr.replaceAll("\"[^\"]*\"", "\"\"")); // not inside label values
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(jmxExporter).as("published by prometheus-jmx-exporter.yaml").containsAll(named);
        assertThat(openTelemetry).as("published by otel-jmx-metrics.yaml, in Prometheus' form")
                .containsAll(named.stream().filter(n -> n.startsWith("manometer_")).toList());
    }

    private static Set<String> jmxExporterNames() throws Exception {
        Set<String> names = new TreeSet<>();
        for (JsonNode rule : YAML.readTree(METRICS.resolve("prometheus-jmx-exporter.yaml").toFile()).get("rules")) {
            names.add(rule.get("name").asText());
        }
        return names;
    }

    /** As OpenTelemetry's Prometheus exporter writes them: dots to underscores, seconds and totals suffixed. */
    private static Set<String> openTelemetryNames() throws Exception {
        Set<String> names = new TreeSet<>();
        for (JsonNode rule : YAML.readTree(METRICS.resolve("otel-jmx-metrics.yaml").toFile()).get("rules")) {
            for (JsonNode metric : rule.get("mapping")) {
                String name = metric.get("metric").asText().replace('.', '_');
                name += "s".equals(metric.path("unit").asText()) ? "_seconds" : "";
                name += "counter".equals(metric.get("type").asText()) ? "_total" : "";
                names.add(name);
            }
        }
        return names;
    }
}
