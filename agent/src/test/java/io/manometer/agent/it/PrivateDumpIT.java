package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import io.manometer.testkit.LiveAlerts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dump nobody asked for, as an on-call engineer gets it: a JVM whose heap fills, with the
 * defaults, run from a directory that could be a source tree, with a password in a system
 * property and one in the environment, and the user's own recording on JFR's default settings
 * (which records every environment variable and system property). The agent's files go to a
 * directory of the user's own, owner-only, and, where the JDK can filter a recording, hold neither
 * password; the working directory gets nothing.
 */
class PrivateDumpIT {
    private static final String ENV_SECRET = "env-secret-4b1d";
    private static final String PROPERTY_SECRET = "property-secret-9e2c";

    @TempDir
    static Path dir;
    static Path workingDirectory;
    static Path temporary;
    static ChildJvm.Result run;

    @BeforeAll
    static void fillTheHeapWithTheDefaults() throws Exception {
        workingDirectory = Files.createDirectories(dir.resolve("checkout"));
        temporary = Files.createDirectories(dir.resolve("tmp"));
        run = ChildJvm.java()
                .directory(workingDirectory)
                .environment("DATABASE_PASSWORD", ENV_SECRET)
                .args("-Xmx96m", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + temporary,
                        "-Dspring.datasource.password=" + PROPERTY_SECRET,
                        "-XX:StartFlightRecording=settings=default,filename=" + dir.resolve("user.jfr"),
                        "-Xlog:jfr+startup=error",
                        "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                        "-cp", WorkloadRecording.testClasses(), SecretsWorkload.class.getName(), "90")
                .timeoutSeconds(150)
                .run();
    }

    /** The finished dumps; not the hidden, whole copy a dump filters from (see below). */
    private static List<Path> dumps() throws Exception {
        return filesInTheDumpDirectory().stream().filter(f -> !f.getFileName().toString().startsWith(".")).toList();
    }

    private static List<Path> filesInTheDumpDirectory() throws Exception {
        Path own = LiveAlerts.dumpNamedIn(run.stderr());
        assertThat(own).as(run.toString()).isNotNull();
        try (Stream<Path> files = Files.list(own.getParent())) {
            return files.toList();
        }
    }

    @Test
    void dumpsGoToAnOwnerOnlyDirectoryOfTheUsersOwnUnderTheTemporaryDirectory() throws Exception {
        Path own = LiveAlerts.dumpNamedIn(run.stderr());
        assertThat(own).as(run.toString()).isNotNull();
        assertThat(own.getParent()).isEqualTo(temporary.resolve("manometer-" + System.getProperty("user.name")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own.getParent()))).isEqualTo("rwx------");
        // Its own recording and a copy of the user's, each owner-only; no half-written file left behind.
        assertThat(dumps()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(f -> {
            assertThat(f.getFileName().toString()).startsWith("manometer-").endsWith(".jfr").doesNotContain("whole");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        });
        try (Stream<Path> files = Files.list(workingDirectory)) {
            assertThat(files).as("the working directory").isEmpty();
        }
    }

    @Test
    void noDumpHoldsASecretWhereTheJdkCanFilterOneAndTheAlertSaysSoWhereItCannot() throws Exception {
        for (Path f : dumps()) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(f.toString()).doesNotContain(SecretsWorkload.PAYLOAD_MARKER);
            if (javaFeature() >= 19) {
                assertThat(bytes).as(f.toString()).doesNotContain(ENV_SECRET).doesNotContain(PROPERTY_SECRET);
                assertThat(RecordingFile.readAllEvents(f)).noneMatch(e -> List.of("jdk.JVMInformation",
                        "jdk.InitialEnvironmentVariable", "jdk.InitialSystemProperty").contains(e.getEventType().getName()));
            }
        }
        if (javaFeature() < 19) {
            assertThat(run.stderr()).contains("cannot filter a recording");
        } else {
            assertThat(run.stderr()).doesNotContain("cannot filter");
        }
    }

    /**
     * This JVM dies when its heap runs out, sometimes while a dump is being filtered: the whole copy
     * it filters from is then left behind, hidden and owner-only, and the next agent to start with
     * this dump directory removes it (one of a dead process is planted, so the removal is always seen).
     */
    @Test
    void anUnfilteredCopyLeftByDeathMidDumpIsOwnerOnlyAndTheNextStartRemovesIt() throws Exception {
        List<Path> leftovers = new java.util.ArrayList<>(filesInTheDumpDirectory().stream()
                .filter(f -> f.getFileName().toString().startsWith(".")).toList());
        assertThat(leftovers).allSatisfy(f -> {
            assertThat(f.getFileName().toString()).startsWith(".manometer-").endsWith(".whole.jfr");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        });
        Path dumpDirectory = LiveAlerts.dumpNamedIn(run.stderr()).getParent();
        leftovers.add(Files.createFile(dumpDirectory.resolve(".manometer-" + deadPid() + "-20261207-101010.whole.jfr")));
        ChildJvm.Result next = ChildJvm.java()
                .directory(workingDirectory)
                .args("-Djava.io.tmpdir=" + temporary, "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                        "-cp", WorkloadRecording.testClasses(), SecretsWorkload.class.getName(), "3")
                .timeoutSeconds(60)
                .run();
        assertThat(leftovers).as(next.toString()).allSatisfy(f -> assertThat(f).doesNotExist());
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void theDumpStillNamesTheLine() throws Exception {
        Path own = LiveAlerts.dumpNamedIn(run.stderr());
        assertThat(RecordingFile.readAllEvents(own)).anyMatch(e -> e.getEventType().getName()
                .equals("manometer.ExecutorSample") && e.getString("createdAt").startsWith(SecretsWorkload.class.getName()));
    }

    /** The JDK the child ran on. */
    private static int javaFeature() throws Exception {
        String release = Files.readString(ChildJvm.javaHome().resolve("release"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
        return m.find() ? Integer.parseInt(m.group(1)) : Runtime.version().feature();
    }
}
