package io.manometer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.reliability.PayloadWorkload;
import io.manometer.testkit.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * The agent counts what goes through the application's buffers; it never keeps what they hold.
 * Queues, a deque, tasks (whose toString, and so the message of each rejection they meet, carries
 * it), futures, an in-memory buffer and a socket are filled with a marker made for this run; no byte
 * of it may reach anything the agent or the analyzer writes: the dumps, the alert lines on stderr and
 * in alert.log, the MBeans, and the reports of every format made from the dumps.
 */
class PayloadPrivacyIT {

    @Test
    void noPayloadByteReachesAnyOutput() throws Exception {
        String marker = "PAYLOAD-" + UUID.randomUUID();
        Path dir = AgentRun.tempDir("payload");
        Path dumps = dir.resolve("dumps");
        Path alertLog = dir.resolve("alerts.log");
        Path mbeans = dir.resolve("mbeans.txt");
        ChildJvm.Result run = AgentRun.withAgent("dump.dir=" + dumps + ",alert.log=" + alertLog, "-Xmx48m",
                "-cp", AgentRun.classPath(), PayloadWorkload.class.getName(), marker, mbeans.toString(), "6000")
                .run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).as(run.toString()).startsWith("steps 6000, rejected some: true");

        List<Path> written = new ArrayList<>(List.of(alertLog, mbeans));
        try (Stream<Path> files = Files.list(dumps)) {
            written.addAll(files.toList());
        }
        List<Path> recordings = written.stream().filter(p -> p.toString().endsWith(".jfr")).toList();
        assertThat(recordings).as("the workload must make the agent dump: %s", run).isNotEmpty();
        assertThat(Files.readString(alertLog)).as("alerts were written").contains("CRITICAL");
        assertThat(Files.readString(mbeans)).as("MBeans were read").contains("type=Summary");

        for (Path recording : recordings) {
            assertNoMarkerInEvents(recording, marker);
            for (String format : List.of("text", "json", "html", "sarif")) {
                ChildJvm.Result report = ChildJvm.java().args("-jar",
                        ChildJvm.builtFile("manometer.analyzerJar").toString(), "analyze", "--format", format,
                        "--fail-on", "never", recording.toString()).run();
                assertThat(report.exitCode()).as(report.toString()).isZero();
                assertThat(report.stdout() + report.stderr()).as(format + " report of " + recording)
                        .doesNotContain(marker).doesNotContain("PAYLOAD-");
            }
        }
        for (Path file : written) {
            assertNoMarkerInBytes(file, marker);
        }
        assertThat(run.stderr()).doesNotContain("PAYLOAD-");
    }

    /** As bytes, in the encodings a JVM writes text in: UTF-8 (and Latin-1 with it), UTF-16. */
    private static void assertNoMarkerInBytes(Path file, String marker) throws Exception {
        String asLatin1 = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(asLatin1).as(file.toString()).doesNotContain("PAYLOAD-")
                .doesNotContain(new String(marker.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(marker.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
    }

    /** As JFR reads it back: every field of every event, whatever its encoding in the file. */
    private static void assertNoMarkerInEvents(Path recording, String marker) throws Exception {
        long events = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                events++;
                assertThat(event.toString()).as(event.getEventType().getName() + " in " + recording)
                        .doesNotContain("PAYLOAD-");
            }
        }
        assertThat(events).as(recording.toString()).isPositive();
    }
}
