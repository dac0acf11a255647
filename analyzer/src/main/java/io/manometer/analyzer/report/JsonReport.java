package io.manometer.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.manometer.analyzer.detect.DetectorResult;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import java.io.IOException;
import java.io.Writer;

/** The machine-readable report; its schema is documented in docs/report-json.md. */
final class JsonReport {
    /** Bumped whenever a field changes meaning or disappears; adding fields does not bump it. */
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    void write(Report report, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("tool").put("name", "manometer").put("version", report.toolVersion());
        ArrayNode recordings = root.putArray("recordings");
        for (RecordingResult r : report.recordings()) {
            ObjectNode node = recordings.addObject();
            node.put("file", r.file());
            node.put("readable", r.error() == null);
            node.put("damaged", r.damaged());
            if (r.error() != null) {
                node.put("error", r.error());
                continue;
            }
            node.put("durationSeconds", r.durationSeconds());
            node.put("agentPresent", r.agentVersion() != null);
            node.put("agentVersion", r.agentVersion());
            node.set("notes", MAPPER.valueToTree(r.notes()));
            node.put("complete", r.complete());
            node.set("gaps", MAPPER.valueToTree(r.gaps()));
            ArrayNode detectors = node.putArray("detectors");
            for (DetectorResult d : r.detectors()) {
                ObjectNode dn = detectors.addObject().put("id", d.detector()).put("applicable", d.applicable());
                if (!d.applicable()) {
                    dn.put("reason", d.notApplicableWhy());
                }
                dn.put("findings", d.findings().size());
            }
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode node = MAPPER.valueToTree(f);
            node.put("severity", f.severity().label());
            findings.add(node);
        }
        ObjectNode counts = root.putObject("counts");
        for (Severity s : new Severity[] {Severity.CRITICAL, Severity.WARNING, Severity.INFO}) {
            counts.put(s.label(), report.count(s));
        }
        MAPPER.writeValue(out, root);
        out.write(System.lineSeparator());
        out.flush();
    }
}
