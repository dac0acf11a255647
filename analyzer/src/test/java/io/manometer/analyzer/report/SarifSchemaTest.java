package io.manometer.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.manometer.analyzer.AnalysedRecording;
import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.compare.RegressionCheck;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.TestRecordings;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every SARIF the analyzer writes is valid against the OASIS SARIF 2.1.0 schema. */
class SarifSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Set<ValidationMessage> validate(String sarif) throws Exception {
        JsonSchema schema;
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        return schema.validate(JSON.readTree(sarif));
    }

    @Test
    void aReportOfEveryKindOfFindingIsValidSarif() throws Exception {
        AnalysedRecording analysed = new Analyzer().analyse(TestRecordings.create()
                .queue(1, -1, 20, 20_000, s -> 18_000 * s)
                .launchSite("com.example.Loop.run(Loop.java:8)", 20, 2000, "main", s -> 1500 * s)
                .refusals("com.example.Pub.send(Pub.java:3)", "java.util.Queue.offer", 5, s -> 10 * s)
                .build());
        StringWriter out = new StringWriter();
        new Report("1.0", Severity.INFO, List.of(analysed.result(),
                RecordingResult.unreadable("bad.jfr", "bad.jfr: not a JFR recording"))).write(ReportFormat.sarif, out, false);
        JsonNode sarif = JSON.readTree(out.toString());
        assertThat(sarif.at("/runs/0/results")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(validate(out.toString())).isEmpty();
    }

    @Test
    void theDiffsSarifIsValidToo() throws Exception {
        AnalysedRecording before = new Analyzer().analyse(TestRecordings.create().queue(1, -1, 20, 1000, s -> 50).build());
        AnalysedRecording after = new Analyzer().analyse(TestRecordings.create()
                .queue(1, -1, 20, 20_000, s -> 18_000 * s).build());
        StringWriter out = new StringWriter();
        new DiffReport("a.jfr", "b.jfr", RegressionCheck.compare(before, after, Severity.WARNING, 2, 1000), 2)
                .write(ReportFormat.sarif, out, false);
        assertThat(validate(out.toString())).isEmpty();
    }
}
