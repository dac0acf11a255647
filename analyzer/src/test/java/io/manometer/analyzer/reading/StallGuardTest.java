package io.manometer.analyzer.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A read that waits without working is given up; one that works, however long, is not. */
class StallGuardTest {
    private static final long QUIET = 1_500_000_000L;

    @Test
    void aReadThatWaitsForeverIsGivenUp() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> StallGuard.read(() -> {
            Thread.sleep(60_000); // as JFR's reader waits for a chunk nobody finishes
            return "never";
        }, QUIET)).isInstanceOf(StallGuard.Stalled.class);
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
    }

    @Test
    void aReadThatWorksIsLeftToFinish() throws Exception {
        String read = StallGuard.read(() -> {
            long until = System.nanoTime() + 2 * QUIET;
            long spun = 0;
            while (System.nanoTime() < until) {
                spun++;
            }
            return "read " + (spun > 0);
        }, QUIET);
        assertThat(read).isEqualTo("read true");
    }

    @Test
    void whatStopsTheReadReachesTheCaller() {
        assertThatThrownBy(() -> StallGuard.read(() -> {
            throw new IOException("damaged");
        }, QUIET)).isInstanceOf(IOException.class).hasMessage("damaged");
    }
}
