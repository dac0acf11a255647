package io.manometer.analyzer.cli;

import io.manometer.analyzer.AnalysedRecording;
import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.compare.RegressionCheck;
import io.manometer.analyzer.reading.RecordingReadException;
import io.manometer.analyzer.report.DiffReport;
import java.nio.file.Path;
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

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @picocli.CommandLine.Mixin
    DetectorSettings detectorSettings;

    @Override
    public Integer call() throws Exception {
        if (peakFactor <= 1) {
            throw new ParameterException(spec.commandLine(), "--peak-factor must be above 1, got " + peakFactor);
        }
        Analyzer analyzer = new Analyzer(detectorSettings.preferences());
        AnalysedRecording before;
        AnalysedRecording after;
        try {
            before = analyzer.analyse(baseline);
            after = analyzer.analyse(current);
        } catch (RecordingReadException e) {
            spec.commandLine().getErr().println("manometer: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        RegressionCheck check = RegressionCheck.compare(before, after, failOn.severity, peakFactor, minPeak);
        DiffReport report = new DiffReport(baseline.toString(), current.toString(), check, peakFactor);
        if (!output.write(report::write)) {
            return ExitCodes.USAGE;
        }
        return check.regressed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }
}
