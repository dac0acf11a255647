package io.manometer.maven;

import io.manometer.analyzer.AnalysedRecording;
import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.compare.RegressionCheck;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Preferences;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.RecordingReadException;
import io.manometer.analyzer.report.DiffReport;
import io.manometer.analyzer.report.RecordingResult;
import io.manometer.analyzer.report.Report;
import io.manometer.analyzer.report.ReportFormat;
import io.manometer.analyzer.report.SourceRoots;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Analyses every recording the test JVMs left in {@code directory}, writes the reports there
 * (text, HTML, SARIF, JSON), prints a summary and fails the build on a finding at or above
 * {@code failOn}; with a {@code baseline} directory of recordings, only on what is new (the diff
 * gate). No recording at all is said, not failed: tests that never ran have nothing to judge.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
    private static final String REPORT = "manometer";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Where prepare-agent had the test JVMs record, and where the reports go. */
    @Parameter(property = "manometer.directory", defaultValue = "${project.build.directory}/manometer")
    private File directory;

    /** The lowest severity that fails the build: info, warning, critical, or never. */
    @Parameter(property = "manometer.failOn", defaultValue = "warning")
    private String failOn;

    /** A directory of recordings from a healthy run: the build then fails only on what is new. */
    @Parameter(property = "manometer.baseline")
    private File baseline;

    /** Detector thresholds, as {@code manometer detectors} lists them: {@code <backlog-growth.minGrowth>500</...>}. */
    @Parameter
    private Map<String, String> settings = new LinkedHashMap<>();

    /** Fail the build when a recording cannot be read (a corrupt file); nothing is judged from it. */
    @Parameter(property = "manometer.failOnUnreadable", defaultValue = "true")
    private boolean failOnUnreadable;

    @Parameter(property = "manometer.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Manometer: skipped (manometer.skip)");
            return;
        }
        Severity gate = gate();
        Preferences preferences = new Preferences(settings);
        String problem = preferences.validate(DetectorRegistry.all());
        if (problem != null) {
            throw new MojoExecutionException("Manometer: in <settings>: " + problem);
        }
        List<Path> files = recordings(directory.toPath());
        if (files.isEmpty()) {
            getLog().info("Manometer: no recordings in " + directory + " (did prepare-agent run before the tests, "
                    + "and did any test JVM run?); nothing to check");
            return;
        }
        Analyzer analyzer = new Analyzer(preferences);
        List<AnalysedRecording> analysed = new ArrayList<>();
        List<RecordingResult> results = new ArrayList<>();
        for (Path file : files) {
            try {
                AnalysedRecording a = analyzer.analyse(file);
                analysed.add(a);
                results.add(a.result());
                if (a.result().damaged()) {
                    getLog().error("Manometer: " + file + ": damaged; what could be read was judged: "
                            + String.join("; ", a.result().gaps()));
                }
            } catch (RecordingReadException e) {
                getLog().error("Manometer: " + e.getMessage());
                results.add(RecordingResult.unreadable(file.toString(), e.getMessage()));
            }
        }
        Report report = new Report(Analyzer.version(), Severity.INFO, results, sources());
        writeReports(report);
        summarise(report, files.size());

        List<Finding> failing;
        if (baseline != null) {
            failing = newSinceBaseline(analyzer, analysed, gate);
        } else {
            failing = gate == null ? List.of() : report.findings().stream().filter(f -> f.severity().atLeast(gate))
                    .toList();
        }
        // A failed gate is said first: it is what the build exists to catch; unreadable files follow.
        if (!failing.isEmpty()) {
            throw new MojoFailureException(failureMessage(failing));
        }
        if (failOnUnreadable && report.anyUnreadable()) {
            throw new MojoFailureException("Manometer: a recording in " + directory + " could not be read, or only in part (see above)");
        }
    }

    /** The gate's severity; null for never. */
    private Severity gate() throws MojoExecutionException {
        if (failOn.trim().equalsIgnoreCase("never")) {
            return null;
        }
        try {
            return Severity.ofLabel(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Manometer: failOn " + e.getMessage() + " (or never)");
        }
    }

    private static List<Path> recordings(Path dir) throws MojoExecutionException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jfr")).sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException("Manometer: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The module's sources, named from the top of the build (the repository's root, as a rule). */
    private SourceRoots sources() {
        List<Path> roots = new ArrayList<>();
        Stream.concat(project.getCompileSourceRoots().stream(), project.getTestCompileSourceRoots().stream())
                .map(Path::of).forEach(roots::add);
        String top = session.getExecutionRootDirectory();
        return new SourceRoots(top == null ? project.getBasedir().toPath() : Path.of(top), roots);
    }

    private void writeReports(Report report) throws MojoExecutionException {
        for (ReportFormat format : ReportFormat.values()) {
            Path file = directory.toPath().resolve(REPORT + "." + (format == ReportFormat.text ? "txt" : format.name()));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                report.write(format, out, false);
            } catch (IOException e) {
                throw new MojoExecutionException("Manometer: cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private void summarise(Report report, int recordings) {
        getLog().info(String.format(Locale.ROOT, "Manometer: %d recording(s): %d critical, %d warning, %d info; "
                        + "reports in %s", recordings, report.count(Severity.CRITICAL), report.count(Severity.WARNING),
                report.count(Severity.INFO), directory));
        for (io.manometer.analyzer.report.RecordingResult r : report.recordings()) {
            for (String gap : r.gaps()) { // no findings there is no clean bill of health: say so
                getLog().warn("Manometer: " + r.file() + ": not everything was watched: " + gap);
            }
        }
        for (Finding f : report.findings()) {
            String line = f.severity().name() + " " + f.kind() + " at " + f.site() + ": " + f.summary();
            if (f.severity().atLeast(Severity.WARNING)) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
    }

    private List<Finding> newSinceBaseline(Analyzer analyzer, List<AnalysedRecording> current, Severity gate)
            throws MojoExecutionException {
        List<AnalysedRecording> before = new ArrayList<>();
        for (Path file : recordings(baseline.toPath())) {
            try {
                before.add(analyzer.analyse(file));
            } catch (RecordingReadException e) {
                throw new MojoExecutionException("Manometer: baseline " + e.getMessage(), e);
            }
        }
        if (before.isEmpty()) {
            throw new MojoExecutionException("Manometer: no recordings in the baseline " + baseline);
        }
        RegressionCheck check = RegressionCheck.compare(AnalysedRecording.merge(baseline.toString(), before),
                AnalysedRecording.merge(directory.toString(), current), gate == null ? Severity.CRITICAL : gate,
                2, 1000);
        Path file = directory.toPath().resolve(REPORT + "-diff.txt");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new DiffReport(baseline.toString(), directory.toString(), check, 2).write(ReportFormat.text, out, false);
        } catch (IOException e) {
            throw new MojoExecutionException("Manometer: cannot write " + file + ": " + e.getMessage(), e);
        }
        if (!check.grownPeaks().isEmpty()) {
            getLog().warn("Manometer: peaks grown since the baseline: " + check.grownPeaks());
        }
        return gate == null ? List.of() : check.newFindings();
    }

    private static String failureMessage(List<Finding> failing) {
        StringBuilder text = new StringBuilder("Manometer found missing backpressure (" + failing.size()
                + " finding(s) at or above the gate):");
        for (Finding f : failing) {
            text.append(System.lineSeparator()).append("  ").append(f.severity().name()).append(' ').append(f.kind())
                    .append(" at ").append(f.site()).append(": ").append(f.summary())
                    .append(System.lineSeparator()).append("    fix: ").append(f.solution());
        }
        return text.toString();
    }
}
