package io.manometer.analyzer.cli;

import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Preferences;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Detector thresholds for every command that analyses: from a properties file ({@code --config},
 * lines like {@code backlog-growth.minGrowth=500}) and {@code --set}, which wins.
 */
final class DetectorSettings {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Detector thresholds from a properties file (detector.key=value per line).")
    Path config;

    @Option(names = "--set", paramLabel = "DETECTOR.KEY=VALUE",
            description = "Override a detector threshold (see 'manometer detectors'); beats --config.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The preferences in force, or a usage error naming what is wrong. */
    Preferences preferences() {
        Map<String, String> values = new LinkedHashMap<>();
        if (config != null) {
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read --config " + config + ": " + e.getMessage());
            }
            file.stringPropertyNames().forEach(k -> values.put(k.trim(), file.getProperty(k).trim()));
        }
        values.putAll(settings);
        Preferences preferences = new Preferences(values);
        String problem = preferences.validate(DetectorRegistry.all());
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), (config != null ? "in " + config + " or --set: " : "") + problem);
        }
        return preferences;
    }
}
