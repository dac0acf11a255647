package io.manometer.analyzer.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A read that waits without working is given up; one that works is left to finish, unless it
 * works far longer than its size can take (a parser going round in damaged data).
 */
class StallGuardTest {
    private static final long QUIET = 1_500_000_000L;
    private static final long MOST = 60_000_000_000L;

    @Test
    void aReadThatWaitsForeverIsGivenUp() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> StallGuard.read(() -> {
            Thread.sleep(60_000); // as JFR's reader waits for a chunk nobody finishes
            return "never";
        }, QUIET, MOST, 1)).isInstanceOf(StallGuard.Stalled.class);
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
        }, QUIET, MOST, 1);
        assertThat(read).isEqualTo("read true");
    }

    @Test
    void aReadThatWorksFarLongerThanItsSizeTakesIsGivenUp() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> StallGuard.read(() -> {
            long spun = 0;
            while (!Thread.currentThread().isInterrupted()) { // as JFR's parser goes round, busy
                spun++;
            }
            return "never " + spun;
        }, MOST, 2 * QUIET, 735_000)).isInstanceOf(StallGuard.Stalled.class).hasMessageContaining("735,000 bytes");
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
    }

    @Test
    void whatStopsTheReadReachesTheCaller() {
        assertThatThrownBy(() -> StallGuard.read(() -> {
            throw new IOException("damaged");
        }, QUIET, MOST, 1)).isInstanceOf(IOException.class).hasMessage("damaged");
    }
}
