package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples come once a second, but a test run or a batch job may end sooner: the state its buffers
 * were left in is written as the recording's last chunk ends, not lost with its last second.
 */
class ShortLivedJvmIT {
    @TempDir
    Path dir;

    @Test
    void aJvmThatExitsWithinASecondStillRecordsWhereItsQueueStood() throws Exception {
        WorkloadRecording recording = WorkloadRecording.of(ShortLivedWorkload.class, dir);
        String site = ShortLivedWorkload.class.getName() + ".main(ShortLivedWorkload.java:" + recording.lines()[0] + ")";
        RecordedEvent last = recording.events().stream()
                .filter(e -> e.getEventType().getName().equals("manometer.QueueSample"))
                .filter(e -> e.getString("createdAt").equals(site))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no sample of the queue at " + site + "\n" + recording.run()));
        assertThat(last.getLong("inserted")).isEqualTo(200);
        assertThat(last.getLong("depth")).isEqualTo(200);
    }
}
