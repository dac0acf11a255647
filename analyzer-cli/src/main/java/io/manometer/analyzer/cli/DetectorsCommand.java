package io.manometer.analyzer.cli;

import io.manometer.analyzer.detect.Detector;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Figure;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "detectors", mixinStandardHelpOptions = true,
        description = "Lists the detectors, the events each needs, the figures its findings carry, and the settings "
                + "--set accepts.")
final class DetectorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (Detector d : DetectorRegistry.all()) {
            out.println(d.id() + ": " + d.description());
            out.println("  needs: " + String.join(", ", d.requiredEvents()));
            out.println("  figures: " + d.figures().stream().map(Figure::id).collect(Collectors.joining(", ")));
            for (Detector.Preference p : d.preferences()) {
                out.printf(Locale.ROOT, "  --set %s.%s=%s  %s%n", d.id(), p.key(), trim(p.defaultValue()), d.describe(p));
            }
        }
        return ExitCodes.OK;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
