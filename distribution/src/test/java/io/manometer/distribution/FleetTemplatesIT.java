package io.manometer.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.manometer.schema.EventSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * What a platform team hands Cryostat, as shipped in the distribution: the whole template, read by
 * JFR's own .jfc reader and started as a recording on this JDK, and the automated rule in
 * Cryostat's rule format, pointing at that template.
 */
class FleetTemplatesIT {
    private static final Path JFR = Path.of("target", "manometer", "jfr").toAbsolutePath();

    @Test
    void theCryostatTemplateIsTheDefaultsWithEverySettingOfTheOverlayAndEveryAgentEvent() throws Exception {
        Configuration template = Configuration.create(JFR.resolve("manometer-cryostat.jfc"));
        assertThat(template.getLabel()).isEqualTo("Manometer");
        Map<String, String> settings = template.getSettings();
        for (String event : EventSchema.eventNames()) {
            assertThat(settings).as(event).containsEntry(event + "#enabled", "true");
        }
        Configuration overlay = Configuration.create(JFR.resolve("manometer.jfc"));
        assertThat(settings).as("regenerate it: jfr/make-cryostat-template.sh").containsAllEntriesOf(overlay.getSettings());
        // The defaults it was merged onto: what JFR records without being told, kept.
        assertThat(settings).containsEntry("jdk.GarbageCollection#enabled", "true")
                .containsEntry("jdk.ExecutionSample#enabled", "true");
        try (Recording recording = new Recording(template)) {
            recording.start(); // every setting is one this JDK accepts (or ignores, for another JDK's events)
            recording.stop();
        }
    }

    @Test
    void theAutomatedRuleIsInCryostatsFormatAndStartsTheTemplate() throws Exception {
        JsonNode rule = new ObjectMapper().readTree(Files.readString(JFR.resolve("manometer-cryostat-rule.json")));
        Map<String, Class<?>> format = new LinkedHashMap<>();
        format.put("name", String.class);
        format.put("description", String.class);
        format.put("matchExpression", String.class);
        format.put("eventSpecifier", String.class);
        format.put("archivalPeriodSeconds", Integer.class);
        format.put("initialDelaySeconds", Integer.class);
        format.put("preservedArchives", Integer.class);
        format.put("maxAgeSeconds", Integer.class);
        format.put("maxSizeBytes", Integer.class);
        format.put("enabled", Boolean.class);
        assertThat(rule.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(format.keySet());
        format.forEach((field, type) -> {
            JsonNode value = rule.get(field);
            assertThat(type == String.class ? value.isTextual() : type == Boolean.class ? value.isBoolean()
                    : value.canConvertToInt()).as(field).isTrue();
        });
        assertThat(rule.get("name").asText()).matches("[A-Za-z0-9_]+"); // Cryostat refuses other names
        assertThat(rule.get("matchExpression").asText()).isNotBlank();
        Map<String, String> specifier = new LinkedHashMap<>();
        for (String part : rule.get("eventSpecifier").asText().split(",")) {
            String[] kv = part.split("=", 2);
            specifier.put(kv[0], kv[1]);
        }
        assertThat(specifier).containsEntry("type", "CUSTOM")
                .containsEntry("template", Configuration.create(JFR.resolve("manometer-cryostat.jfc")).getLabel());
        assertThat(rule.get("archivalPeriodSeconds").asInt()).isPositive()
                .isLessThanOrEqualTo(rule.get("maxAgeSeconds").asInt()); // an archive holds a whole period
        assertThat(rule.get("preservedArchives").asInt()).isPositive();
    }
}
