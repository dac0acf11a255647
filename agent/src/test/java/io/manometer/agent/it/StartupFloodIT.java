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
 * 100,000 queues used and kept, and 10,000 executors used and shut down, before the queue that
 * grows: the tracking table is full of idle queues and the capture budget long spent when it
 * arrives. It is still tracked, alerted live and reported at the line that created it (named at
 * load time, no stack walk needed), with its feeding line as the producer.
 */
class StartupFloodIT {
    @TempDir
    Path dir;

    @Test
    void aQueueThatGrowsAfterAFloodOfIdleOnesIsStillFound() throws Exception {
        Path jfr = dir.resolve("flood.jfr");
        WorkloadRecording.Ran ran = WorkloadRecording.run(StartupFloodWorkload.class, jfr, "20");
        String fed = ran.mainAt(0);
        String created = ran.mainAt(1);
        ChildJvm.Result run = ran.run();

        assertThat(LiveAlerts.in(run.stderr())).as(run.stderr())
                .anySatisfy(a -> assertThat(a.site()).isEqualTo(created));

        AnalysedRecording analysed = new Analyzer().analyse(jfr);
        assertThat(analysed.result().findings()).as(analysed.result().notes().toString()).anySatisfy(f -> {
            assertThat(f.site()).isEqualTo(created);
            assertThat(f.producer()).isEqualTo(fed);
        });
        assertThat(Files.size(jfr)).isPositive();
    }
}
