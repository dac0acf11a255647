package io.manometer.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesWindowTest {

    @Test
    void firstHoldingFindsTheFirstPrefixInALongSeriesWithoutJudgingEveryOne() {
        int n = 1000;
        double[] seconds = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = i;
            values[i] = i;
        }
        SeriesWindow window = new SeriesWindow(0, seconds, values);
        List<Integer> judged = new ArrayList<>();
        Double at = window.firstHolding((prefix, last, peak) -> {
            judged.add(prefix.count());
            return last >= 437;
        });
        assertThat(at).isEqualTo(437.0);
        assertThat(judged.size()).isLessThan(50);
    }

    @Test
    void firstHoldingJudgesEveryPrefixOfAShortSeriesAndPassesTheRunningPeak() {
        double[] values = {5, 9, 3, 4, 12, 1};
        double[] seconds = {0, 1, 2, 3, 4, 5};
        List<Double> peaks = new ArrayList<>();
        Double at = new SeriesWindow(0, seconds, values).firstHolding((prefix, last, peak) -> {
            peaks.add(peak);
            return false;
        });
        assertThat(at).isNull();
        assertThat(peaks).containsExactly(5.0, 9.0, 9.0, 9.0, 12.0, 12.0);
    }

    @Test
    void firstHoldingAtTheLastSampleOnly() {
        int n = 300;
        double[] seconds = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = i;
        }
        Double at = new SeriesWindow(0, seconds, values).firstHolding((prefix, last, peak) -> prefix.count() == n);
        assertThat(at).isEqualTo(n - 1.0);
    }
}
