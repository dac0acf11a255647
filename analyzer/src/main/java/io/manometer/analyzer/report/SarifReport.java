package io.manometer.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.Detector;
import io.manometer.analyzer.detect.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0, the format code-scanning tools read: one result per finding, at the source file and
 * line of its site. The file path is derived from the frame (package as directories, then the
 * file name), relative to a source root the tool maps (e.g. src/main/java).
 */
final class SarifReport {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    /** package.Class.method(File.java:123), with nested classes as Outer$Inner. */
    private static final Pattern FRAME = Pattern.compile("^(.*)\\.([^.(]+)\\(([^:()]+):(\\d+)\\)$");

    void write(Report report, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "manometer").put("version", report.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        for (Detector d : Analysis.allDetectors()) {
            ObjectNode rule = rules.addObject().put("id", d.id());
            rule.putObject("shortDescription").put("text", d.description());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", f.detector());
            result.put("level", level(f));
            result.putObject("message").put("text", f.summary() + " " + f.explanation() + " Fix: " + f.solution());
            location(f.site(), result);
            ObjectNode properties = result.putObject("properties");
            properties.put("kind", f.kind()).put("severity", f.severity().label()).put("score", f.score());
            properties.put("recording", f.recording());
            properties.set("metrics", MAPPER.valueToTree(f.metrics()));
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
    static void location(String site, ObjectNode result) {
        Matcher m = FRAME.matcher(site);
        if (!m.matches()) {
            return;
        }
        String className = m.group(1);
        String method = m.group(2);
        String file = m.group(3);
        int dot = className.lastIndexOf('.');
        String directory = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", directory + file).put("uriBaseId", "SRCROOT");
        physical.putObject("region").put("startLine", Integer.parseInt(m.group(4)));
        location.putArray("logicalLocations").addObject()
                .put("fullyQualifiedName", className + "." + method).put("kind", "function");
    }
}
