package io.manometer.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.manometer.analyzer.compare.RegressionCheck;
import io.manometer.analyzer.detect.DetectorResult;
import io.manometer.analyzer.detect.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/** A comparison of a recording with its baseline, as text for people or JSON for tools. */
public final class DiffReport {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String baseline;
    private final String current;
    private final RegressionCheck check;
    private final double peakFactor;

    public DiffReport(String baseline, String current, RegressionCheck check, double peakFactor) {
        this.baseline = baseline;
        this.current = current;
        this.check = check;
        this.peakFactor = peakFactor;
    }

    /**
     * In any report format: text and JSON say everything (new, grown, fixed); HTML and SARIF show the
     * new findings as a report of the current recording, so code scanning raises exactly those.
     */
    public void write(ReportFormat format, Writer out, boolean colour) throws IOException {
        switch (format) {
            case text -> writeText(out);
            case json -> writeJson(out);
            default -> newFindings(io.manometer.analyzer.Analyzer.version()).write(format, out, colour);
        }
    }

    /** The new findings alone, as a report of the current recording. */
    public Report newFindings(String toolVersion) {
        DetectorResult diff = new DetectorResult("diff", true, null, check.newFindings());
        RecordingResult result = new RecordingResult(current, null, 0, null,
                java.util.List.of("new since the baseline " + baseline), java.util.List.of(), java.util.List.of(diff));
        return new Report(toolVersion, io.manometer.analyzer.detect.Severity.INFO, java.util.List.of(result));
    }

    public void writeJson(Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1).put("baseline", baseline).put("current", current);
        root.put("regression", check.regressed());
        root.set("newFindings", MAPPER.valueToTree(check.newFindings()));
        root.set("grownPeaks", MAPPER.valueToTree(check.grownPeaks()));
        root.set("fixedFindings", MAPPER.valueToTree(check.fixedFindings()));
        MAPPER.writeValue(out, root);
        out.write(System.lineSeparator());
        out.flush();
    }

    public void writeText(Writer writer) {
        PrintWriter out = new PrintWriter(writer);
        out.println("Manometer diff: " + baseline + " (baseline) -> " + current);
        for (Finding f : check.newFindings()) {
            out.println("NEW    " + f.severity().name() + " " + f.kind() + " at " + f.site() + ": " + f.summary());
        }
        for (RegressionCheck.GrownPeak g : check.grownPeaks()) {
            out.printf(Locale.ROOT, "GREW   %s: peak backlog %,d -> %,d (x%.1f, limit x%.1f)%n", g.site(), g.baselinePeak(),
                    g.currentPeak(), g.factor(), peakFactor);
        }
        for (Finding f : check.fixedFindings()) {
            out.println("FIXED  " + f.kind() + " at " + f.site());
        }
        out.println(check.regressed()
                ? String.format(Locale.ROOT, "Regression: %d new finding(s), %d grown peak(s).", check.newFindings().size(),
                        check.grownPeaks().size())
                : "No regression against the baseline.");
        out.flush();
    }
}
