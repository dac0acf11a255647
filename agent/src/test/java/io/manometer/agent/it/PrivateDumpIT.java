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

    private static List<Path> dumps() throws Exception {
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
