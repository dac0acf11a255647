package io.manometer.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class GrowthEvidenceTest {
    private static final GrowthEvidence.Criteria CRITERIA = new GrowthEvidence.Criteria(2, 6, 4, 200, 0.2);

    /** One sample a second. */
    private static TimeSeries series(int n, IntToDoubleFunction value) {
        return new TimeSeries() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public long time(int i) {
                return i * 1_000_000_000L;
            }

            @Override
            public double value(int i) {
                return value.applyAsDouble(i);
            }
        };
    }

    @Test
    void steadyGrowthHoldsAndSaysWhenItFirstDid() {
        GrowthEvidence.Verdict v = GrowthEvidence.judge(series(20, s -> 1000.0 * s), CRITERIA);
        assertThat(v).isNotNull();
        assertThat(v.trend().slopePerSecond()).isEqualTo(1000.0);
        assertThat(v.stillGrowing()).isTrue();
        assertThat(v.window().from()).isEqualTo(2); // the warm-up is left out
        // six samples after the warm-up (2..7 s), four seconds of them: the earliest it can hold
        assertThat(v.firstHeldSeconds()).isEqualTo(7.0);
        assertThat(GrowthEvidence.score(v.stillGrowing(), GrowthEvidence.sizeBonus(v.last(), 100_000)))
                .isEqualTo(GrowthEvidence.SCORE_GROWING + GrowthEvidence.BONUS_SIZEABLE);
    }

    @Test
    void aFlatLevelABurstThatDrainedAndTooLittleGrowthDoNot() {
        assertThat(GrowthEvidence.judge(series(20, s -> 5000), CRITERIA)).isNull();
        assertThat(GrowthEvidence.judge(series(20, s -> s < 15 ? 1000.0 * s : 100), CRITERIA)).isNull();
        assertThat(GrowthEvidence.judge(series(20, s -> 300 + s), CRITERIA)).isNull();
        assertThat(GrowthEvidence.judge(series(5, s -> 1000.0 * s), CRITERIA)).isNull(); // too few samples
    }

    /**
     * OkHttp's ready deque, sampled every half second (LibraryTrialsIT, on a busy machine): every
     * enqueue scans the backlog, so the producer slows as the deque grows. Its later half climbs at
     * 0.4 of the window's pace, steadily: still growing, not slowed.
     */
    @Test
    void growthThatSlowsAsTheBacklogGrowsIsStillGrowing() {
        double[] seconds = {0, 0.54, 1.05, 1.55, 2.06, 2.56, 3.06, 3.57, 4.06, 4.57, 5.07, 5.57, 6.08, 6.59, 7.11,
            7.61, 8.16, 8.66, 9.16, 9.67, 10.18};
        double[] depth = {9490, 12417, 15235, 17650, 19958, 22108, 24005, 25600, 27583, 29314, 30899, 32516, 33844,
            35238, 36166, 36620, 37247, 37758, 38205, 38699, 39255};
        GrowthEvidence.Verdict v = GrowthEvidence.judge(new TimeSeries() {
            @Override
            public int size() {
                return depth.length;
            }

            @Override
            public long time(int i) {
                return (long) (seconds[i] * 1e9);
            }

            @Override
            public double value(int i) {
                return depth[i];
            }
        }, CRITERIA);
        assertThat(v).isNotNull();
        assertThat(v.window().recentTrend(0.5).slopePerSecond()).isLessThan(0.5 * v.trend().slopePerSecond());
        assertThat(v.stillGrowing()).isTrue();
    }

    @Test
    void growthThatStoppedInTheLaterHalfIsScoredAsSlowed() {
        GrowthEvidence.Verdict v = GrowthEvidence.judge(series(30, s -> 1000.0 * Math.min(s, 14) + s), CRITERIA);
        assertThat(v).isNotNull();
        assertThat(v.stillGrowing()).isFalse();
        assertThat(GrowthEvidence.score(v.stillGrowing(), GrowthEvidence.BONUS_LARGE))
                .isEqualTo(GrowthEvidence.SCORE_SLOWED);
    }
}
