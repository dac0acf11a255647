package io.manometer.agent.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrivalMarksTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aFifoBacklogGrowingSteadilyHasItsHeadsWaitInterpolated() {
        ArrivalMarks marks = new ArrivalMarks();
        assertThat(marks.oldestWaitNanos(0, 0, 0)).isZero(); // the first sample: nothing yet
        // 100 inserts a second, 60 removals a second: after t seconds 40t wait and the head is insert
        // 60t + 1, which happened at (60t + 1) / 100 s: it has waited about 0.4t seconds.
        for (int t = 1; t <= 100; t++) {
            long wait = marks.oldestWaitNanos(t * S, 100L * t, 40L * t);
            long expected = t * S - (60L * t + 1) * S / 100;
            assertThat(wait).as("second %d", t).isBetween(expected - S / 10, expected + S / 10 + t * S / 50);
        }
    }

    @Test
    void anEmptyBufferHasWaitedNothing() {
        ArrivalMarks marks = new ArrivalMarks();
        for (int t = 0; t < 5; t++) {
            assertThat(marks.oldestWaitNanos(t * S, 1000L * t, 0)).isZero();
        }
        // One element arrives after the last empty sample, then nothing moves: it has waited
        // between 3 and 4 seconds at second 8.
        marks.oldestWaitNanos(5 * S, 4001, 1);
        marks.oldestWaitNanos(6 * S, 4001, 1);
        marks.oldestWaitNanos(7 * S, 4001, 1);
        assertThat(marks.oldestWaitNanos(8 * S, 4001, 1)).isBetween(3 * S, 4 * S);
    }

    @Test
    void elementsOlderThanEveryMarkHaveWaitedAtLeastSinceTheOldest() {
        ArrivalMarks marks = new ArrivalMarks();
        // A stuck queue: 10 elements and nothing moves for 1,000 samples; the marks are compacted, not grown.
        marks.oldestWaitNanos(0, 10, 10);
        long wait = 0;
        for (int t = 1; t <= 1000; t++) {
            wait = marks.oldestWaitNanos(t * S, 10, 10);
        }
        assertThat(wait).isEqualTo(1000 * S);
    }

    @Test
    void uncountedInsertsGiveNoEstimate() {
        assertThat(new ArrivalMarks().oldestWaitNanos(S, -1, 5)).isEqualTo(ArrivalMarks.UNKNOWN);
    }
}
