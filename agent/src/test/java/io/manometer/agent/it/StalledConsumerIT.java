package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.AnalysedRecording;
import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import io.manometer.testkit.ChildJvm;
import io.manometer.testkit.LiveAlerts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded queue whose consumer died is a stall, not backpressure: it is reported (and alerted)
 * as consumer-stalled at warning, while the slow but living pipeline beside it stays at info.
 */
class StalledConsumerIT {
    @TempDir
    Path dir;

    @Test
    void aDeadConsumerIsAStallAndASlowOneIsBackpressure() throws Exception {
        Path jfr = dir.resolve("stall.jfr");
        WorkloadRecording.Ran ran = WorkloadRecording.run(StalledConsumerWorkload.class, jfr, "16");
        String stalled = ran.mainAt(0);
        String healthy = ran.mainAt(1);
        ChildJvm.Result run = ran.run();

        AnalysedRecording analysed = new Analyzer().analyse(jfr);
        List<Finding> findings = analysed.result().findings();
        assertThat(findings).as(findings.toString()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("consumer-stalled");
            assertThat(f.site()).isEqualTo(stalled);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.metrics().durationSeconds()).isGreaterThanOrEqualTo(10);
        });
        assertThat(findings).filteredOn(f -> f.site().equals(healthy)).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.kind()).isEqualTo("backpressure-engaged");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                });

        List<LiveAlerts.Alert> alerts = LiveAlerts.in(run.stderr());
        assertThat(alerts).as(run.stderr())
                .anySatisfy(a -> assertThat(a.kind() + " " + a.site()).isEqualTo("consumer-stalled " + stalled))
                .noneSatisfy(a -> assertThat(a.site()).isEqualTo(healthy));
    }
}
