package io.manometer.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every command the README and docs/ show in a shell block works as written. The ones a user runs
 * against the installed distribution ({@code manometer ...}, the {@code java}, {@code jcmd} and
 * {@code jfr} lines of recording without the agent) are run here, in order, with the unpacked
 * distribution first on the path and the JDK under test; the others name the test or script that
 * runs them. A new command in the docs that is neither fails this test.
 *
 * <p>Where a command holds a placeholder it is filled in, and only there: a process id with a
 * running JVM's, {@code /opt/manometer/} with the distribution's folder, the application after
 * {@code -XX:StartFlightRecording} with {@code -version}, {@code [--option value|other]} with its
 * first choice, and {@code attach}'s 30 s with 2 s.
 */
class DocCommandsIT {
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DISTRIBUTION = Path.of("target", "manometer").toAbsolutePath();
    private static final Pattern BLOCK = Pattern.compile("```(?:sh|bash)\\n(.*?)```", Pattern.DOTALL);

    /** Commands this test does not run, and what runs them. */
    private static final Map<String, String> RUN_ELSEWHERE = Map.ofEntries(
            Map.entry("./run-demos.sh", "run-demos.sh, the README's main command, run before every release"),
            Map.entry("mvn verify", ".ci/run"),
            Map.entry("mvn -q -DskipTests package", "demo-apps/src/test/java/io/manometer/demo/ReadmeQuickStartIT.java"),
            Map.entry("java -javaagent:agent/target/manometer-agent.jar", "demo-apps/src/test/java/io/manometer/demo/ReadmeQuickStartIT.java"),
            Map.entry("java -jar analyzer-cli/target/manometer.jar", "demo-apps/src/test/java/io/manometer/demo/ReadmeQuickStartIT.java"),
            Map.entry("java -javaagent:opentelemetry-javaagent.jar", "deployment-trials/src/test/java/io/manometer/deployment/BesideOtherAgentsIT.java"),
            Map.entry("corpus/run-corpus.sh", "corpus/src/test/java/io/manometer/corpus/CorpusIT.java"),
            Map.entry("CORPUS_ONLY=", "corpus/src/test/java/io/manometer/corpus/CorpusIT.java"),
            Map.entry("java -cp \"lib/manometer-jmc.jar", "jmc/src/test/java/io/manometer/jmc/JmcRulesReportIT.java"),
            Map.entry("jfr/make-cryostat-template.sh", "distribution/src/test/java/io/manometer/distribution/FleetTemplatesIT.java"),
            Map.entry("java -javaagent:jmx_prometheus_javaagent.jar", "deployment-trials/src/test/java/io/manometer/deployment/MetricsExportIT.java"),
            Map.entry("cp lib/manometer-jmc.jar", "jmc/src/test/java/io/manometer/jmc/JmcBundleIT.java"));

    private static Path work;
    private static Process idle;

    @BeforeAll
    static void aRecordingAndARunningJvm() throws Exception {
        work = Files.createTempDirectory("doc-commands");
        Files.createSymbolicLink(work.resolve("distribution"), PROJECT.resolve("distribution"));
        Files.createSymbolicLink(work.resolve("jfr"), DISTRIBUTION.resolve("jfr"));
        Path recording = work.resolve("app.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.GCHeapSummary");
            r.enable("jdk.JavaThreadStatistics").withPeriod(java.time.Duration.ofMillis(100));
            r.start();
            Thread.sleep(500);
            r.stop();
            r.dump(recording);
        }
        for (String name : List.of("incident.jfr", "baseline.jfr", "current.jfr")) {
            Files.copy(recording, work.resolve(name));
        }
        idle = new ProcessBuilder(ChildJvm.javaHome().resolve("bin/java").toString(), "-cp",
                System.getProperty("java.class.path"), IdleJvm.class.getName(), "120")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(idle.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
        }
    }

    @AfterAll
    static void stop() {
        if (idle != null) {
            idle.destroyForcibly();
        }
    }

    @Test
    void everyDocumentedCommandRunsOrNamesWhatRunsIt() throws Exception {
        List<String> ran = new ArrayList<>();
        for (DocCommand command : documented()) {
            String elsewhere = RUN_ELSEWHERE.entrySet().stream().filter(e -> command.text().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (elsewhere != null) {
                if (elsewhere.endsWith(".java") || elsewhere.startsWith(".ci")) {
                    assertThat(PROJECT.resolve(elsewhere)).as(command + " is run by").exists();
                }
                continue;
            }
            assertThat(runsHere(command.text())).as(command + ": neither run here nor named in RUN_ELSEWHERE").isTrue();
            if (command.text().startsWith("jfr configure") && !jfrConfigures()) {
                continue; // JDK 21 and later; the docs say so
            }
            Result result = run(filledIn(command.text()));
            assertThat(result.exit()).as(command + "\n" + result.output()).isIn(0, 1); // 1: a finding failed the gate
            assertThat(result.output()).as(command.toString()).doesNotContain("Exception");
            if (command.text().startsWith("jcmd ")) { // jcmd exits 0 whatever the command says
                assertThat(result.output()).as(command.toString()).containsPattern("(Started|Dumped) recording")
                        .doesNotContainPattern("(?i)could not|no recordings|error");
            }
            ran.add(command.text());
        }
        assertThat(ran).as("documented commands run here")
                .anyMatch(c -> c.startsWith("manometer analyze"))
                .anyMatch(c -> c.startsWith("manometer attach"))
                .anyMatch(c -> c.startsWith("jcmd"))
                .anyMatch(c -> c.startsWith("java -XX:StartFlightRecording"));
        assertThat(work.resolve("report.json")).as("manometer analyze --output report.json").isNotEmptyFile();
    }

    private static boolean runsHere(String command) {
        return Stream.of("manometer ", "export PATH=", "source distribution/", "java -XX:StartFlightRecording",
                "jcmd ", "jfr configure").anyMatch(command::startsWith);
    }

    /** A command with its placeholders filled in (see the class comment). */
    private static String filledIn(String command) {
        String pid = Long.toString(idle.pid());
        String filled = command.replace("<pid>", pid)
                .replace("/opt/manometer/", DISTRIBUTION + "/")
                .replaceAll("^manometer attach \\d+", "manometer attach " + pid)
                .replace("--duration 30s", "--duration 2s")
                .replaceAll(" (-jar app\\.jar|\\.\\.\\.)$", " -version")
                .replace(" FILE", " report.out");
        Matcher optional = Pattern.compile("\\[([^\\]]*)\\]").matcher(filled);
        StringBuilder out = new StringBuilder();
        while (optional.find()) {
            optional.appendReplacement(out, Matcher.quoteReplacement(optional.group(1).replaceAll("\\|[^ ]*", "")));
        }
        optional.appendTail(out);
        return out.toString();
    }

    private record DocCommand(String file, String text) {
        @Override
        public String toString() {
            return file + ": " + text;
        }
    }

    private record Result(int exit, String output) {}

    /** Each command of each shell block, continuation lines joined, comments left out. */
    private static List<DocCommand> documented() throws IOException {
        List<Path> files = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<DocCommand> commands = new ArrayList<>();
        for (Path file : files) {
            Matcher block = BLOCK.matcher(Files.readString(file));
            while (block.find()) {
                for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
                    String command = line.replaceAll("\\s+#\\s.*$", "").strip().replaceAll(" +", " ");
                    if (!command.isEmpty() && !command.startsWith("#")) {
                        commands.add(new DocCommand(PROJECT.relativize(file).toString(), command));
                    }
                }
            }
        }
        assertThat(commands).as("commands found in the docs").hasSizeGreaterThan(10);
        return commands;
    }

    private static boolean jfrConfigures() throws Exception {
        return run("jfr configure --help").exit() == 0;
    }

    /** Runs {@code command} with bash in the work folder, the distribution and the JDK under test first on the path. */
    private static Result run(String command) throws Exception {
        Path output = work.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", ChildJvm.javaHome().toString());
        builder.environment().put("PATH", DISTRIBUTION.resolve("bin") + ":" + ChildJvm.javaHome().resolve("bin") + ":"
                + System.getenv("PATH"));
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(command).isTrue();
        return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
