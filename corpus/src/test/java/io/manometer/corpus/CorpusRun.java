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
    record Outcome(CorpusProgram program, List<Finding> findings, String textReport, List<LiveAlerts.Alert> alerts,
                   List<Finding> withMoreHarm, ChildJvm.Result process, String error) {}

    /** How much more harm the severity invariant adds: every level and count times this. */
    static final double MORE_HARM = 4;

    Outcome run(CorpusProgram program) throws Exception {
        Path jfr = work.resolve(program.name() + ".jfr");
        List<String> command = new ArrayList<>(List.of("-Xmx512m",
                "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                "-XX:StartFlightRecording=filename=" + jfr, "-Xlog:jfr+startup=error"));
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
        ChildJvm.Result process = ChildJvm.java().args(command.toArray(String[]::new)).timeoutSeconds(runSeconds + 90)
                .run();
        if (process.exitCode() != 0) {
            return new Outcome(program, List.of(), "", List.of(), List.of(), process,
                    "the program exited " + process.exitCode());
        }
        try {
            RecordingResult result = new Analyzer().analyse(jfr).result();
            StringWriter text = new StringWriter();
            new Report(Analyzer.version(), Severity.INFO, List.of(result)).write(ReportFormat.text, text, false);
            Recording worse = MoreHarm.scale(new RecordingReader().read(jfr), MORE_HARM);
            return new Outcome(program, result.findings(), text.toString(), LiveAlerts.in(process.stderr()),
                    new Analyzer().analyse(worse).result().findings(), process, null);
        } catch (RecordingReadException e) {
            return new Outcome(program, List.of(), "", List.of(), List.of(), process,
                    "unreadable recording: " + e.getMessage());
        }
    }
}
