package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.AnalysedRecording;
import io.manometer.testkit.ChildJvm;
import io.manometer.testkit.LiveAlerts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 queues used and kept before the one that grows: the tracking table is full of idle
 * queues when it arrives. It is still tracked, alerted live and reported at its feeding line.
 */
class StartupFloodIT {
    @TempDir
    Path dir;

    @Test
    void aQueueThatGrowsAfterAFloodOfIdleOnesIsStillFound() throws Exception {
        Path jfr = dir.resolve("flood.jfr");
        ChildJvm.Result run = ChildJvm.java()
                .args("-Xmx512m", "-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                        "-XX:StartFlightRecording=filename=" + jfr,
                        "-cp", WorkloadRecording.testClasses(), StartupFloodWorkload.class.getName(), "20")
                .timeoutSeconds(120).run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String[] lines = run.stdout().lines().filter(l -> l.startsWith("lines ")).findFirst().orElseThrow()
                .split(" ");
        String at = StartupFloodWorkload.class.getName() + ".main(StartupFloodWorkload.java:";
        java.util.List<String> sites = java.util.List.of(at + lines[1] + ")", at + lines[2] + ")");

        assertThat(LiveAlerts.in(run.stderr())).as(run.stderr())
                .anySatisfy(a -> assertThat(a.site()).isIn(sites));

        AnalysedRecording analysed = new Analyzer().analyse(jfr);
        assertThat(analysed.result().findings()).as(analysed.result().notes().toString())
                .anySatisfy(f -> assertThat(f.site()).isIn(sites));
        assertThat(Files.size(jfr)).isPositive();
    }
}
