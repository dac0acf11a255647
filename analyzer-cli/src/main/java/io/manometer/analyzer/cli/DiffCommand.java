package io.manometer.analyzer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.reading.RecordingReadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compares a recording with a baseline and fails (exit 1) when a finding appears that the "
                + "baseline did not have, or a buffer's peak backlog grew past a factor: a CI regression gate.")
final class DiffCommand implements Callable<Integer> {
    /** Output formats of diff. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE.jfr", description = "The recording to compare against.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT.jfr", description = "The recording under test.")
    Path current;

    @Option(names = "--fail-on", defaultValue = "warning", paramLabel = "LEVEL",
            description = "New findings at or above this count: info, warning or critical (default: ${DEFAULT-VALUE}).")
    AnalyzeCommand.Level failOn;

    @Option(names = "--peak-factor", defaultValue = "2", paramLabel = "FACTOR",
            description = "Fail when a buffer's peak backlog grew by more than this factor (default: ${DEFAULT-VALUE}).")
    double peakFactor;

    @Option(names = "--min-peak", defaultValue = "1000", paramLabel = "N",
            description = "Ignore peaks below N elements (default: ${DEFAULT-VALUE}).")
    long minPeak;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @picocli.CommandLine.Mixin
    DetectorSettings detectorSettings;

    @Override
    public Integer call() throws Exception {
        if (peakFactor <= 1) {
            throw new ParameterException(spec.commandLine(), "--peak-factor must be above 1, got " + peakFactor);
        }
        RecordingAnalyzer analyzer = new RecordingAnalyzer(
                new Analysis(Analysis.allDetectors(), detectorSettings.preferences()));
        RecordingAnalyzer.Analysed before;
        RecordingAnalyzer.Analysed after;
        try {
            before = analyzer.analyse(baseline);
            after = analyzer.analyse(current);
        } catch (RecordingReadException e) {
            spec.commandLine().getErr().println("manometer: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        RegressionCheck check = RegressionCheck.compare(before, after, failOn.severity, peakFactor, minPeak);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("schemaVersion", 1).put("baseline", baseline.toString()).put("current", current.toString());
            root.put("regression", check.regressed());
            root.set("newFindings", mapper.valueToTree(check.newFindings()));
            root.set("grownPeaks", mapper.valueToTree(check.grownPeaks()));
            root.set("fixedFindings", mapper.valueToTree(check.fixedFindings()));
            out.println(mapper.writeValueAsString(root));
        } else {
            printText(out, check);
        }
        out.flush();
        return check.regressed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }

    private void printText(PrintWriter out, RegressionCheck check) {
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
    }
}
