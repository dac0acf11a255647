package io.manometer.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.Analyzer;
import io.manometer.testkit.ChildJvm;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport;
import org.openjdk.jmc.flightrecorder.rules.report.html.JfrHtmlRulesReport;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * JDK Mission Control's headless rules report, in process, with the built rule jar on the class
 * path (as Cryostat's reports run it), on real recordings of a demo: the broken executor under the
 * agent, its fixed twin under the agent, and the same program recorded without the agent.
 */
class JmcRulesReportIT {
    private static final String SITE = "io.manometer.demo.filetosink.UnboundedFileToSink.run(UnboundedFileToSink.java:";

    @TempDir
    static Path dir;
    static Path broken;
    static Path fixed;
    static Path plain;

    @BeforeAll
    static void recordTheDemo() throws Exception {
        broken = dir.resolve("broken.jfr");
        fixed = dir.resolve("fixed.jfr");
        plain = dir.resolve("plain.jfr");
        // Judged offline, not live: no verdict has to come within seconds, so the three run at once.
        String agent = "-javaagent:" + ChildJvm.builtFile("manometer.agentJar");
        List<ChildJvm.Result> runs = ChildJvm.runAll(List.of(
                demo("broken", broken, agent), demo("fixed", fixed, agent), demo("broken", plain)));
        for (ChildJvm.Result run : runs) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
    }

    private static ChildJvm demo(String variant, Path jfr, String... agent) {
        return ChildJvm.java().args("-Xmx256m").args(agent).args("-XX:StartFlightRecording=filename=" + jfr,
                "-jar", ChildJvm.builtFile("manometer.demoJar").toString(), "file-to-sink", variant, "10");
    }

    @Test
    void theBrokenExecutorIsAWarningOfNinetyOrMoreAtTheDemosLine() throws Exception {
        IResult result = evaluate(broken).get("manometer.executor-backlog");
        assertThat(result.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(result.getResult(TypedResult.SCORE).doubleValue()).isGreaterThanOrEqualTo(90);
        assertThat(result.getSummary() + result.getExplanation()).contains(SITE);
        assertThat(result.getSolution()).isNotBlank();
    }

    /** One judgement, three front ends: JMC says what the analyzer says of the same file. */
    @Test
    void jmcSaysWhatTheAnalyzerSays() throws Exception {
        Map<String, IResult> jmc = evaluate(broken);
        var analysed = new Analyzer().analyse(broken).result().detectors().stream()
                .flatMap(d -> d.findings().stream()).toList();
        assertThat(analysed).isNotEmpty();
        for (var finding : analysed) {
            IResult result = jmc.get("manometer." + finding.kind());
            if (result == null) {
                continue; // a kind judged without the agent: JMC has its own rules for the heap and threads
            }
            // JMC has no "critical": a warning, whose score says how bad.
            assertThat(result.getSeverity()).isEqualTo(switch (finding.severity()) {
                case CRITICAL, WARNING -> Severity.WARNING;
                case INFO -> Severity.INFO;
                case OK -> Severity.OK;
            });
            assertThat(result.getSummary()).isEqualTo(analysedWorst(analysed, finding.kind()).summary());
        }
    }

    private static io.manometer.analyzer.detect.Finding analysedWorst(
            List<io.manometer.analyzer.detect.Finding> findings, String kind) {
        return findings.stream().filter(f -> f.kind().equals(kind))
                .max(java.util.Comparator.comparingInt(io.manometer.analyzer.detect.Finding::score)).orElseThrow();
    }

    @Test
    void theFixedTwinIsOkForEveryKind() throws Exception {
        assertThat(evaluate(fixed)).allSatisfy((id, result) -> assertThat(result.getSeverity())
                .as(id + ": " + result.getSummary()).isIn(Severity.OK, Severity.INFO));
        assertThat(evaluate(fixed).get("manometer.executor-backlog").getSeverity()).isEqualTo(Severity.OK);
    }

    /** Without the agent's events a rule did not look: "not applicable", never "OK". */
    @Test
    void aRecordingWithoutTheAgentIsNotApplicable() throws Exception {
        assertThat(evaluate(plain)).isNotEmpty().allSatisfy((id, result) ->
                assertThat(result.getSeverity()).as(id).isEqualTo(Severity.NA));
    }

    /** The report itself, as {@code JfrRulesReport} writes it (XML, JSON, text) and the HTML one. */
    @Test
    void theHeadlessReportsCarryTheFinding() throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element reports = document.createElement("reports");
        document.appendChild(reports);
        JfrRulesReport.addReport(broken.toString(), Severity.OK, false, reports);
        NodeList rules = document.getElementsByTagName("rule");
        Element rule = null;
        for (int i = 0; i < rules.getLength(); i++) {
            Element r = (Element) rules.item(i);
            if (text(r, "id").equals("manometer.executor-backlog")) {
                rule = r;
            }
        }
        assertThat(rule).as("the rule in the XML report").isNotNull();
        assertThat(text(rule, "severity")).isEqualTo(Severity.WARNING.getLocalizedName());
        assertThat(Double.parseDouble(text(rule, "score"))).isGreaterThanOrEqualTo(90);
        assertThat(text(rule, "summary")).contains(SITE);

        String html = JfrHtmlRulesReport.createReport(broken.toFile());
        assertThat(html).contains("Manometer: Executor backlog").contains("UnboundedFileToSink.java:");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    /** Every Manometer rule's result, by id, as JMC's own engine evaluates all its rules. */
    private static Map<String, IResult> evaluate(Path recording) throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(new File(recording.toString()));
        Map<IRule, Future<IResult>> results = RulesToolkit.evaluateParallel(RuleRegistry.getRules(), items,
                IPreferenceValueProvider.DEFAULT_VALUES, 2);
        Map<String, IResult> ours = new java.util.TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (Map.Entry<IRule, Future<IResult>> e : results.entrySet()) {
            if (e.getKey().getId().startsWith("manometer.")) {
                ours.put(e.getKey().getId(), e.getValue().get());
                ids.add(e.getKey().getId());
            }
        }
        assertThat(ids).as("the rule jar's rules are found by JMC's registry").contains("manometer.executor-backlog");
        return ours;
    }
}
