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

    @Test
    void growthThatStoppedInTheLaterHalfIsScoredAsSlowed() {
        GrowthEvidence.Verdict v = GrowthEvidence.judge(series(30, s -> 1000.0 * Math.min(s, 14) + s), CRITERIA);
        assertThat(v).isNotNull();
        assertThat(v.stillGrowing()).isFalse();
        assertThat(GrowthEvidence.score(v.stillGrowing(), GrowthEvidence.BONUS_LARGE))
                .isEqualTo(GrowthEvidence.SCORE_SLOWED);
    }
}
