package io.manometer.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.manometer.analyzer.detect.Detector;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.SourceFrame;
import java.io.IOException;
import java.io.Writer;

/**
 * SARIF 2.1.0, the format code-scanning tools read: one result per finding, at the source file and
 * line of its site. The file is found below the report's source roots and named by its path from
 * the working directory (the repository root in CI); otherwise its path is derived from the frame
 * (package as directories, then the file name), relative to {@code SRCROOT}, which the tool maps
 * (e.g. to src/main/java). Each result carries the finding's identity as a partial fingerprint, so
 * a finding moved by an edit is the same alert.
 */
final class SarifReport {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    /** The fingerprint's name: versioned, since a change of identity makes every alert new. */
    static final String FINGERPRINT = "manometer/identity/v1";

    void write(Report report, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "manometer").put("version", report.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        for (Detector d : DetectorRegistry.all()) {
            ObjectNode rule = rules.addObject().put("id", d.id());
            rule.putObject("shortDescription").put("text", d.description());
        }
        // What was not judged travels with the results: no results is then no clean bill.
        ObjectNode invocation = run.putArray("invocations").addObject();
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        boolean allRead = true;
        for (RecordingResult r : report.recordings()) {
            if (r.error() != null) {
                allRead = false;
                notifications.addObject().put("level", "error").putObject("message").put("text", r.error());
            }
            for (String gap : r.gaps()) {
                notifications.addObject().put("level", "warning").putObject("message").put("text", r.file() + ": " + gap);
            }
        }
        invocation.put("executionSuccessful", allRead);
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", f.detector());
            result.put("level", level(f));
            result.putObject("message").put("text", f.summary() + " " + f.explanation() + " Fix: " + f.solution());
            location(f.site(), report.sources(), result);
            result.putObject("partialFingerprints").put(FINGERPRINT, f.identity());
            ObjectNode properties = result.putObject("properties");
            properties.put("kind", f.kind()).put("severity", f.severity().label()).put("score", f.score());
            properties.put("recording", f.recording());
            properties.set("metrics", MAPPER.valueToTree(f.figures()));
        }
        MAPPER.writeValue(out, root);
        out.write(System.lineSeparator());
        out.flush();
    }

    private static String level(Finding f) {
        return switch (f.severity()) {
            case CRITICAL -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    /** Adds a physical and a logical location when the site is a frame; otherwise none (SARIF allows it). */
    static void location(String site, SourceRoots sources, ObjectNode result) {
        SourceFrame frame = SourceFrame.parse(site);
        if (frame == null || frame.line() <= 0) {
            return;
        }
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode artifact = location.putObject("physicalLocation").putObject("artifactLocation");
        String found = sources.find(frame);
        if (found != null) {
            artifact.put("uri", found);
        } else {
            artifact.put("uri", frame.relativePath()).put("uriBaseId", "SRCROOT");
        }
        ((ObjectNode) location.get("physicalLocation")).putObject("region").put("startLine", frame.line());
        location.putArray("logicalLocations").addObject()
                .put("fullyQualifiedName", frame.qualifiedMethod()).put("kind", "function");
    }

}
