package io.manometer.corpus;

import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.reading.MoreHarm;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.RecordingReadException;
import io.manometer.analyzer.reading.RecordingReader;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.report.RecordingResult;
import io.manometer.analyzer.report.Report;
import io.manometer.analyzer.report.ReportFormat;
import io.manometer.testkit.ChildJvm;
import io.manometer.testkit.LiveAlerts;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs corpus programs as users launch theirs (a class path, an uber-jar, a source file) under the
 * real agent jar with a JFR recording, and judges each recording with the analyzer library, as the
 * Maven plugin does. One run serves every assertion made about its program.
 */
final class CorpusRun {
    private final Path work;
    private final long seconds;
    private final Path supportClasses;
    private final List<String> libraries;

    /**
     * @param work     where recordings go
     * @param seconds  how long each program runs
     * @param programs the corpus: source-file programs are kept off the class path, or the class
     *                 loader would take their compiled copy and the launch would not be from source
     */
    CorpusRun(Path work, long seconds, List<CorpusProgram> programs) throws IOException {
        this.work = work;
        this.seconds = seconds;
        this.supportClasses = work.resolve("classes");
        Path classes = Path.of(System.getProperty("manometer.corpus.classes", "target/classes"));
        List<String> fromSource = programs.stream().filter(p -> p.shape().launch() == Shape.Launch.SOURCE_FILE)
                .map(p -> p.type().getName().replace('.', '/')).toList();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = classes.relativize(file).toString();
                boolean fromSourceFile = fromSource.stream()
                        .anyMatch(s -> relative.equals(s + ".class") || relative.startsWith(s + "$"));
                if (Files.isRegularFile(file) && !fromSourceFile) {
                    Files.createDirectories(supportClasses.resolve(relative).getParent());
                    Files.copy(file, supportClasses.resolve(relative));
                }
            }
        }
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        this.libraries = Arrays.stream(path.split(File.pathSeparator))
                .filter(e -> !e.contains("manometer-") && !e.contains("junit") && !e.contains("assertj")
                        && !e.contains("jackson") && !e.contains("opentest4j") && !e.contains("apiguardian")
                        && !e.endsWith("test-classes") && !e.endsWith("classes") && !e.contains("byte-buddy")
                        && !e.contains("picocli"))
                .toList();
    }

    /** What one program's run left: its findings offline, the text report, the live alerts, and how it ended. */
    record Outcome(CorpusProgram program, Recorder recorder, List<Finding> findings, String textReport,
                   List<LiveAlerts.Alert> alerts, List<Finding> withMoreHarm, ChildJvm.Result process, String error) {}

    /** How much more harm the severity invariant adds: every level and count times this. */
    static final double MORE_HARM = 4;

    /**
     * How a program is recorded: under the agent, as the corpus is scored; or without it, as teams
     * already record, with JFR's {@code default} or {@code profile} settings, or {@code default}
     * with Manometer's overlay ({@code jfr/manometer.jfc}).
     */
    enum Recorder {
        AGENT, DEFAULT, PROFILE, MANOMETER_JFC;

        static Recorder named(String name) {
            return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_'));
        }

        boolean agent() {
            return this == AGENT;
        }

        String description() {
            return switch (this) {
                case AGENT -> "the agent";
                case DEFAULT -> "JFR's default settings";
                case PROFILE -> "JFR's profile settings";
                case MANOMETER_JFC -> "JFR's default settings with jfr/manometer.jfc (heap-histogram=2s)";
            };
        }

        /** The recording options, after {@code -XX:StartFlightRecording=}. */
        String options(Path jfr) {
            return switch (this) {
                case AGENT -> "filename=" + jfr;
                case DEFAULT -> "settings=default,filename=" + jfr;
                case PROFILE -> "settings=profile,filename=" + jfr;
                // The corpus's programs run ten seconds: a heap histogram every 2 s gives the five
                // points a trend needs (the overlay's default, 5 s, suits longer recordings).
                case MANOMETER_JFC -> "settings=default,settings=" + ChildJvm.builtFile("manometer.jfc")
                        + ",heap-histogram=2s,filename=" + jfr;
            };
        }
    }

    private Recorder recorder = Recorder.AGENT;
    /** Recordings of an earlier run to judge again instead of running the programs; null to run them. */
    private Path rejudged;

    CorpusRun recordedBy(Recorder recorder) {
        this.recorder = recorder;
        return this;
    }

    /**
     * Judges the recordings an earlier run left in {@code earlierRun} (with the stderr kept beside
     * each) instead of running the programs again: a rule changed, the programs did not.
     */
    CorpusRun rejudging(Path earlierRun) {
        this.rejudged = earlierRun;
        return this;
    }

    Outcome run(CorpusProgram program) throws Exception {
        Path jfr = work.resolve(program.name() + ".jfr");
        List<String> command = new ArrayList<>(List.of("-Xmx512m"));
        if (recorder.agent()) {
            command.add("-javaagent:" + ChildJvm.builtFile("manometer.agentJar"));
        }
        command.addAll(List.of("-XX:StartFlightRecording=" + recorder.options(jfr), "-Xlog:jfr+startup=error"));
        String classPath = supportClasses + File.pathSeparator + String.join(File.pathSeparator, libraries);
        switch (program.shape().launch()) {
            case CLASS_PATH -> command.addAll(List.of("-cp", classPath, program.type().getName()));
            case SHADED_JAR -> command.addAll(List.of("-cp",
                    ChildJvm.builtFile("manometer.corpus.shadedJar").toString(), program.type().getName()));
            case SOURCE_FILE -> command.addAll(List.of("-cp", classPath, Path.of(
                    System.getProperty("manometer.corpus.sources", "src/main/java"))
                    .resolve(program.type().getName().replace('.', '/') + ".java").toString()));
        }
        long runSeconds = program.shape().seconds() > 0 ? program.shape().seconds() : seconds;
        command.add(Long.toString(runSeconds));
        ChildJvm.Result process;
        if (rejudged != null) {
            jfr = rejudged.resolve(program.name() + ".jfr");
            Path stderr = rejudged.resolve(program.name() + ".stderr");
            process = new ChildJvm.Result(Files.isRegularFile(jfr) ? 0 : -1, "",
                    Files.isRegularFile(stderr) ? Files.readString(stderr) : "");
        } else {
            process = ChildJvm.java().args(command.toArray(String[]::new)).timeoutSeconds(runSeconds + 90).run();
            Files.writeString(work.resolve(program.name() + ".stderr"), process.stderr());
        }
        if (process.exitCode() != 0) {
            return new Outcome(program, recorder, List.of(), "", List.of(), List.of(), process,
                    "the program exited " + process.exitCode());
        }
        try {
            RecordingResult result = new Analyzer().analyse(jfr).result();
            StringWriter text = new StringWriter();
            new Report(Analyzer.version(), Severity.INFO, List.of(result)).write(ReportFormat.text, text, false);
            Recording worse = MoreHarm.scale(new RecordingReader().read(jfr), MORE_HARM);
            return new Outcome(program, recorder, result.findings(), text.toString(), LiveAlerts.in(process.stderr()),
                    new Analyzer().analyse(worse).result().findings(), process, null);
        } catch (RecordingReadException e) {
            return new Outcome(program, recorder, List.of(), "", List.of(), List.of(), process,
                    "unreadable recording: " + e.getMessage());
        }
    }
}
