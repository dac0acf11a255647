package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.manometer.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Virtual-thread starts (JDK 21+) counted at their lines, from a source-launched program. */
class VirtualThreadLaunchIT {
    @TempDir
    Path dir;

    @Test
    void virtualAndBuilderThreadStartsAreLaunchesInFlight() throws Exception {
        ChildJvm.Result version = ChildJvm.java().args("-version").run();
        String text = version.stderr() + version.stdout();
        int feature = Integer.parseInt(text.replaceAll("(?s).*version \"(\\d+).*", "$1"));
        assumeTrue(feature >= 21, "virtual threads exist from JDK 21; the child runs " + feature);

        Path source = dir.resolve("VirtualThreadStarts.java");
        try (var in = VirtualThreadLaunchIT.class.getResourceAsStream("/workloads/VirtualThreadStarts.java")) {
            Files.copy(in, source);
        }
        Path jfr = dir.resolve("virtual.jfr");
        ChildJvm.Result run = ChildJvm.java()
                .args("-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                        "-XX:StartFlightRecording=filename=" + jfr, source.toString())
                .run();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        Map<String, RecordedEvent> lastBySite = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("manometer.AsyncLaunchSample"))
                .filter(e -> e.getString("launchSite").startsWith("VirtualThreadStarts.main("))
                .collect(Collectors.toMap(e -> e.getString("launchSite"), e -> e,
                        (a, b) -> a.getStartTime().isAfter(b.getStartTime()) ? a : b));
        List<RecordedEvent> sites = lastBySite.values().stream()
                .sorted(Comparator.comparing(e -> e.getString("launchSite"))).toList();
        assertThat(sites).as(run.toString()).extracting(e -> e.getString("launchKind") + " " + e.getLong("inFlight"))
                .containsExactlyInAnyOrder("virtual-thread-start 40", "virtual-thread-start 20", "thread-start 25");
    }
}
