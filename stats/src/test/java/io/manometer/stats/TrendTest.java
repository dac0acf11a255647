package io.manometer.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void steadyGrowthIsSignificantWithItsSlope() {
        Trend trend = trend(30, s -> 1000.0 * s);
        assertThat(trend.slopePerSecond()).isCloseTo(1000, within(0.001));
        assertThat(trend.isSignificantIncrease()).isTrue();
    }

    @Test
    void sixCleanSamplesAreEnoughButFiveAreNot() {
        assertThat(trend(6, s -> s).isSignificantIncrease()).isTrue();
        assertThat(trend(5, s -> s).isSignificantIncrease()).isFalse();
    }

    @Test
    void noiseAroundAFlatLevelIsNotGrowth() {
        Random random = new Random(42);
        Trend trend = trend(60, s -> 500 + random.nextInt(100));
        assertThat(trend.isSignificantIncrease()).isFalse();
        assertThat(Math.abs(trend.slopePerSecond())).isLessThan(5);
    }

    @Test
    void sawtoothWhoseTroughsClimbIsGrowth() {
        Trend trend = trend(40, s -> 100.0 * s + (s % 4 == 3 ? -250 : 0));
        assertThat(trend.isSignificantIncrease()).isTrue();
        assertThat(trend.slopePerSecond()).isCloseTo(100, within(15.0));
    }

    @Test
    void outliersDoNotDragTheSlope() {
        Trend trend = trend(30, s -> s == 10 ? 1_000_000 : 10.0 * s);
        assertThat(trend.slopePerSecond()).isCloseTo(10, within(1.0));
    }

    @Test
    void aFlatSeriesHasNoSlopeAndNoTrendShortOrLong() {
        for (int n : new int[] {3, 60, 500}) {
            assertThat(trend(n, s -> 42)).isEqualTo(new Trend(0, 0, Math.min(n, Trend.MAX_POINTS)));
        }
        // One point off the level: the full computation again, not the flat answer.
        assertThat(trend(60, s -> s == 59 ? 43 : 42).mannKendallZ()).isPositive();
    }

    @Test
    void decreasingIsNotAnIncrease() {
        assertThat(trend(20, s -> 1000 - 10.0 * s).isSignificantIncrease()).isFalse();
    }

    @Test
    void longSeriesAreReducedButKeepTheirSlope() {
        Trend trend = trend(5000, s -> 3.0 * s);
        assertThat(trend.points()).isEqualTo(Trend.MAX_POINTS);
        assertThat(trend.slopePerSecond()).isCloseTo(3, within(0.01));
    }

    @Test
    void medianBySelectionMatchesTheSortedMiddle() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(60);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(round % 2 == 0 ? 5 : 1000); // many ties, then few
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            assertThat(Trend.median(values)).as("round %d", round).isEqualTo(expected);
        }
    }

    private static Trend trend(int n, IntToDoubleFunction f) {
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            v[i] = f.applyAsDouble(i);
        }
        return Trend.of(t, v, n);
    }
}
