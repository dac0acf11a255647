package io.manometer.analyzer.cli;

import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.AgentEvents;
import io.manometer.analyzer.reading.RecordingReadException;
import io.manometer.analyzer.reading.RecordingReader;
import io.manometer.analyzer.reading.jfr.ReaderComparison;
import io.manometer.analyzer.report.RecordingResult;
import io.manometer.analyzer.report.Report;
import io.manometer.analyzer.report.SourceRoots;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Reads JFR recordings and reports queues, executors and call sites whose producers outrun "
                + "their consumers.")
final class AnalyzeCommand implements Callable<Integer> {

    /** Gate levels: a severity, or never. */
    enum Gate {
        info(Severity.INFO), warning(Severity.WARNING), critical(Severity.CRITICAL), never(null);

        final Severity severity;

        Gate(Severity severity) {
            this.severity = severity;
        }
    }

    /** Shown levels. */
    enum Level {
        info(Severity.INFO), warning(Severity.WARNING), critical(Severity.CRITICAL);

        final Severity severity;

        Level(Severity severity) {
            this.severity = severity;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RECORDING.jfr", description = "Recordings to analyse.")
    List<Path> recordings;

    @Option(names = "--fail-on", defaultValue = "warning", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above: info, warning, critical or never "
                    + "(default: ${DEFAULT-VALUE}).")
    Gate failOn;

    @Option(names = "--min-severity", defaultValue = "info", paramLabel = "LEVEL",
            description = "Report findings at or above: info, warning or critical (default: ${DEFAULT-VALUE}).")
    Level minSeverity;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @picocli.CommandLine.Mixin
    DetectorSettings detectorSettings;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "A directory of the application's sources (repeatable): SARIF then names each site's "
                    + "file by its path from the working directory, as code-scanning services expect.")
    List<Path> sourceRoots = new ArrayList<>();

    /** How the agent's samples are read. */
    enum Reader {
        /** By position, JFR's reader where that cannot. */
        auto,
        /** JFR's reader alone: the escape hatch should the positional one ever misread a recording. */
        jfr,
        /** Both, compared event by event and field by field; a disagreement is an internal error. */
        check
    }

    @Option(names = "--reader", defaultValue = "auto", paramLabel = "READER",
            description = "How the agent's samples are read: auto (by position, several times faster than JFR's "
                    + "reader), jfr (JFR's reader alone) or check (both, compared field by field; exit 4 if they "
                    + "disagree) (default: ${DEFAULT-VALUE}).")
    Reader reader;

    @Override
    public Integer call() {
        Analyzer analyzer = new Analyzer(new Analysis(DetectorRegistry.all(), detectorSettings.preferences()),
                new RecordingReader(reader == Reader.jfr ? RecordingReader.SampleReader.JFR
                        : RecordingReader.SampleReader.POSITIONAL));
        List<RecordingResult> results = new ArrayList<>();
        for (Path file : recordings) {
            RecordingReader.Progress progress = progressFor(file);
            try {
                if (reader == Reader.check && !readersAgree(file)) {
                    return ExitCodes.INTERNAL_ERROR;
                }
                RecordingResult result = analyzer.analyse(file, progress).result();
                if (result.damaged()) { // one line, as an unreadable file gets: the exit code says it too
                    spec.commandLine().getErr().println("manometer: " + file + ": damaged; what could be read was "
                            + "judged (the report names what was left out)");
                }
                results.add(result);
            } catch (RecordingReadException e) {
                spec.commandLine().getErr().println("manometer: " + e.getMessage());
                results.add(RecordingResult.unreadable(file.toString(), e.getMessage()));
            } finally {
                if (!(progress instanceof NoProgress)) {
                    spec.commandLine().getErr().print("\r\033[K"); // the progress line goes away
                    spec.commandLine().getErr().flush();
                }
            }
        }
        return report(results, minSeverity, failOn, output, sourceRoots);
    }

    /** Whether both readers read the same agent events from {@code file}; says where not on stderr. */
    private boolean readersAgree(Path file) {
        List<String> differences;
        try {
            differences = ReaderComparison.differences(file, Set.copyOf(AgentEvents.NAMES), 5);
        } catch (IOException | RuntimeException e) {
            return true; // a file the positional reader does not read: JFR's reads it, as it would anyway
        }
        for (String difference : differences) {
            spec.commandLine().getErr().println("manometer: " + file + ": the readers disagree at " + difference);
        }
        return differences.isEmpty();
    }

    /** Writes the report of recordings judged, as asked; returns the exit code. Shared with {@code attach}. */
    static int report(List<RecordingResult> results, Level minSeverity, Gate failOn, ReportOutput output,
                      List<Path> sourceRoots) {
        Report report = new Report(Analyzer.version(), minSeverity.severity, results,
                SourceRoots.inWorkingDirectory(sourceRoots));
        if (!output.write(report::write)) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.of(failOn.severity != null && report.failsGate(failOn.severity), report.anyUnreadable());
    }

    /** Progress that shows nothing: small files, or nobody at a terminal. */
    private static final class NoProgress implements RecordingReader.Progress {
        @Override
        public void eventsRead(long events) {
        }
    }

    /**
     * Events read, on one rewritten stderr line, for large files when a person is watching (JDK 17 can
     * only tell that stdin and stdout are terminals, so output redirected to a file shows none).
     */
    private RecordingReader.Progress progressFor(Path file) {
        boolean large;
        try {
            large = Files.size(file) > 50_000_000L;
        } catch (IOException e) {
            large = false;
        }
        if (!large || System.console() == null) {
            return new NoProgress();
        }
        PrintWriter err = spec.commandLine().getErr();
        return events -> {
            err.print(String.format(Locale.ROOT, "\rreading %s: %,d events", file.getFileName(), events));
            err.flush();
        };
    }

}
