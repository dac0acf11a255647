package io.manometer.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {
    @TempDir
    static Path dir;
    static Path plainRecording;

    /** A real recording with JDK events only, as a JVM without the agent writes it. */
    @BeforeAll
    static void record() throws Exception {
        plainRecording = dir.resolve("plain.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.GCHeapSummary");
            r.start();
            System.gc();
            Thread.sleep(200);
            r.stop();
            r.dump(plainRecording);
        }
    }

    @Test
    void recordingWithoutAgentEventsSaysSoAndPasses() {
        Run run = run("analyze", plainRecording.toString());
        assertThat(run.exit).isEqualTo(ExitCodes.OK);
        assertThat(run.out).contains("no manometer.* events").contains("queues and executors were not checked");
        assertThat(run.err).isEmpty();
    }

    @Test
    void jsonReportHasAVersionedShape() throws Exception {
        Run run = run("analyze", "--format", "json", plainRecording.toString());
        JsonNode json = new ObjectMapper().readTree(run.out);
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("findings").isArray()).isTrue();
        assertThat(json.at("/recordings/0/readable").asBoolean()).isTrue();
        assertThat(json.at("/recordings/0/agentPresent").asBoolean()).isFalse();
        assertThat(json.at("/recordings/0/detectors/0/id").asText()).isEqualTo("backlog-growth");
        assertThat(json.at("/recordings/0/detectors/0/applicable").asBoolean()).isFalse();
        JsonNode heapGrowth = null;
        for (JsonNode detector : json.at("/recordings/0/detectors")) {
            heapGrowth = detector.get("id").asText().equals("heap-growth") ? detector : heapGrowth;
        }
        assertThat(heapGrowth).isNotNull();
        assertThat(heapGrowth.get("applicable").asBoolean()).isTrue();
        // Without the agent the recording is judged, and said not to be whole: never a clean bill.
        assertThat(json.at("/recordings/0/complete").asBoolean()).isFalse();
        assertThat(json.at("/recordings/0/gaps/0").asText()).contains("judged without the agent")
                .contains("were not watched");
    }

    @Test
    void missingEmptyDirectoryAndNonJfrFilesAreUnreadable() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        Path text = Files.writeString(dir.resolve("text.jfr"), "not a recording");
        for (Path bad : new Path[] {dir.resolve("missing.jfr"), empty, dir, text}) {
            Run run = run("analyze", bad.toString());
            assertThat(run.exit).as(bad.toString()).isEqualTo(ExitCodes.UNREADABLE);
            assertThat(run.err.lines()).as(run.err).hasSize(1).allMatch(l -> l.startsWith("manometer: " + bad));
        }
    }

    @Test
    void truncatedAndCorruptRecordingsAreUnreadableWithoutAStackTrace() throws Exception {
        byte[] whole = Files.readAllBytes(plainRecording);
        Path truncated = Files.write(dir.resolve("truncated.jfr"), java.util.Arrays.copyOf(whole, whole.length / 2));
        byte[] flipped = whole.clone();
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            flipped[200 + random.nextInt(whole.length - 200)] ^= (byte) 0xff;
        }
        Path corrupt = Files.write(dir.resolve("corrupt.jfr"), flipped);
        for (Path bad : new Path[] {truncated, corrupt}) {
            Run run = run("analyze", bad.toString());
            assertThat(run.exit).as(bad + "\n" + run.out + run.err).isIn(ExitCodes.UNREADABLE, ExitCodes.OK);
            assertThat(run.err).doesNotContain("\tat ").doesNotContain("Exception in");
        }
        assertThat(run("analyze", truncated.toString()).err).contains("truncated");
    }

    /** What a future agent would write: the same event, a higher schema version. */
    @jdk.jfr.Name("manometer.AgentInfo")
    static final class FutureAgentInfo extends jdk.jfr.Event {
        String agentVersion = "9.0";
        int schemaVersion = 2;
        String options = "";
        int warnings;
        long untrackedBuffers;
    }

    @Test
    void recordingFromANewerAgentSchemaIsRefusedInOneLine() throws Exception {
        Path future = dir.resolve("future.jfr");
        try (Recording r = new Recording()) {
            r.start();
            new FutureAgentInfo().commit();
            r.stop();
            r.dump(future);
        }
        Run run = run("analyze", future.toString());
        assertThat(run.exit).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err.lines()).singleElement().asString().contains("newer Manometer agent").contains("schema 2");
    }

    /** An event under the agent's name without the agent's fields: another agent's, or not an agent's at all. */
    @jdk.jfr.Name("manometer.QueueSample")
    static final class ForeignQueueSample extends jdk.jfr.Event {
        long bufferId;
        String bufferType = "java.util.concurrent.LinkedBlockingQueue";
        long depth;
    }

    @Test
    void agentEventsThatCannotBeReadAreAGapNotAStackTrace() throws Exception {
        Path foreign = dir.resolve("foreign.jfr");
        try (Recording r = new Recording()) {
            r.start();
            for (int i = 0; i < 10; i++) {
                ForeignQueueSample e = new ForeignQueueSample();
                e.depth = i;
                e.commit();
            }
            r.stop();
            r.dump(foreign);
        }
        for (String reader : new String[] {"auto", "jfr"}) {
            java.io.ByteArrayOutputStream jvmErr = new java.io.ByteArrayOutputStream();
            java.io.PrintStream err = System.err;
            System.setErr(new java.io.PrintStream(jvmErr, true)); // where JFR's stream would print a handler's exception
            Run run;
            try {
                run = run("analyze", "--format", "json", "--reader", reader, foreign.toString());
            } finally {
                System.setErr(err);
            }
            assertThat(jvmErr.toString()).as(reader).doesNotContain("\tat ");
            assertThat(run.err).as(reader).isEmpty();
            assertThat(run.out).as(reader).contains("\"complete\" : false")
                    .contains("10 manometer.* events could not be read").contains("(manometer.QueueSample: ")
                    .contains("capacity").doesNotContain("Exception");
        }
    }

    @Test
    void goodAndBadFilesTogether() {
        Run run = run("analyze", plainRecording.toString(), dir.resolve("missing.jfr").toString());
        assertThat(run.exit).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.out).contains("plain.jfr").contains("UNREADABLE");
    }

    @Test
    void aFailedGateIsNotHiddenByAnUnreadableFile() {
        // --fail-on info: the plain recording's heap-growth rule runs; set it so low that a healthy
        // heap counts, so that the gate fails next to an unreadable file.
        Run run = run("analyze", "--fail-on", "info", "--set", "heap-growth.minGrowthFraction=0",
                "--set", "heap-growth.warmupSeconds=0", plainRecording.toString(), dir.resolve("missing.jfr").toString());
        assertThat(run.err).contains("missing.jfr");
        assertThat(run.exit).isIn(ExitCodes.GATE_FAILED, ExitCodes.UNREADABLE);
        assertThat(ExitCodes.of(true, true)).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(ExitCodes.of(false, true)).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(ExitCodes.of(false, false)).isEqualTo(ExitCodes.OK);
    }

    @Test
    void helpIsACommand() {
        Run run = run("help", "analyze");
        assertThat(run.exit).isEqualTo(ExitCodes.OK);
        assertThat(run.out).contains("--fail-on").contains("--source-root");
    }

    @Test
    void diffWritesEveryFormatToAFile() throws Exception {
        for (String format : new String[] {"text", "json", "html", "sarif"}) {
            Path out = dir.resolve("diff." + format);
            Run run = run("diff", "--format", format, "--output", out.toString(), plainRecording.toString(),
                    plainRecording.toString());
            assertThat(run.exit).as(format + run.err).isEqualTo(ExitCodes.OK);
            assertThat(Files.readString(out)).as(format).isNotBlank();
        }
        assertThat(Files.readString(dir.resolve("diff.sarif"))).contains("\"version\" : \"2.1.0\"");
        assertThat(Files.readString(dir.resolve("diff.text"))).contains("No regression");
    }

    @Test
    void usageErrorsExitTwoWithOneLineAndAHint() {
        for (String[] args : new String[][] {{"analyze"}, {"analyze", "--format", "xml", "x.jfr"}, {"frobnicate"},
                {"analyze", "--fail-on", "sometimes", "x.jfr"}, {"analyze", "--set", "nope=1", "x.jfr"}}) {
            Run run = run(args);
            assertThat(run.exit).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err.lines()).as(run.err).hasSize(2);
            assertThat(run.err).startsWith("manometer: ").contains("--help");
        }
    }

    @Test
    void writesTheReportToAFile() throws Exception {
        Path out = dir.resolve("report.json");
        Run run = run("analyze", "--format", "json", "--output", out.toString(), plainRecording.toString());
        assertThat(run.exit).isZero();
        assertThat(run.out).isEmpty();
        assertThat(Files.readString(out)).contains("\"schemaVersion\"");
    }

    @Test
    void settingsComeFromAConfigFileAndTheCommandLineWins() throws Exception {
        Path config = Files.writeString(dir.resolve("manometer.properties"),
                "# CI thresholds\nheap-growth.minGrowthFraction = 0.5\n");
        assertThat(run("analyze", "--config", config.toString(), plainRecording.toString()).exit()).isZero();
        Path bad = Files.writeString(dir.resolve("bad.properties"), "heap-growth.nope=1\n");
        Run rejected = run("analyze", "--config", bad.toString(), plainRecording.toString());
        assertThat(rejected.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(rejected.err()).contains("bad.properties").contains("heap-growth.nope");
        Run overridden = run("analyze", "--config", bad.toString(), "--set", "heap-growth.nope=1",
                plainRecording.toString());
        assertThat(overridden.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("analyze", "--config", dir.resolve("missing.properties").toString(),
                plainRecording.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void detectorsAreListedWithTheirSettings() {
        assertThat(run("detectors").out).contains("backlog-growth").contains("--set backlog-growth.minGrowth=200");
    }

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
