package io.manometer.stats;

import java.util.Arrays;

/**
 * A robust trend of a series over time.
 *
 * <p>The slope is Theil–Sen's (the median of all pairwise slopes), which a few outliers or a
 * sawtooth cannot drag; its significance is the Mann–Kendall test, which asks only whether later
 * values tend to be larger than earlier ones, with no assumption of linearity or normality.
 *
 * @param slopePerSecond Theil–Sen slope, in units of the series per second
 * @param mannKendallZ   normal score of the Mann–Kendall statistic (positive: increasing)
 * @param points         points the trend was computed from
 */
public record Trend(double slopePerSecond, double mannKendallZ, int points) {

    /** Above this many points the series is reduced to medians of equal bins: O(n^2) stays small. */
    static final int MAX_POINTS = 100;

    /** One-sided p < 0.01 for an increasing trend (reachable from 6 samples on). */
    public static final double Z_SIGNIFICANT = 2.33;

    public boolean isSignificantIncrease() {
        return mannKendallZ >= Z_SIGNIFICANT && slopePerSecond > 0;
    }

    /**
     * @param seconds times, ascending
     * @param values  values at those times
     */
    public static Trend of(double[] seconds, double[] values, int n) {
        if (n < 3) {
            return new Trend(0, 0, n);
        }
        double[][] reduced = reduce(seconds, values, n);
        double[] t = reduced[0];
        double[] v = reduced[1];
        int m = t.length;
        if (allEqual(v)) {
            return new Trend(0, 0, m); // what the pairs would give (every slope 0, every pair tied), in O(n)
        }
        double[] slopes = new double[m * (m - 1) / 2];
        int k = 0;
        long s = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double dt = t[j] - t[i];
                if (dt > 0) {
                    slopes[k++] = (v[j] - v[i]) / dt;
                }
                s += Long.signum(Double.compare(v[j], v[i]));
            }
        }
        double slope = k == 0 ? 0 : median(k == slopes.length ? slopes : Arrays.copyOf(slopes, k));
        return new Trend(slope, mannKendallZ(s, v), m);
    }

    private static boolean allEqual(double[] values) {
        for (double value : values) {
            if (Double.compare(value, values[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Z of the Mann–Kendall S statistic, with the variance corrected for tied values. */
    static double mannKendallZ(long s, double[] values) {
        int n = values.length;
        double variance = n * (n - 1.0) * (2.0 * n + 5.0);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            int tie = j - i + 1;
            if (tie > 1) {
                variance -= tie * (tie - 1.0) * (2.0 * tie + 5.0);
            }
            i = j + 1;
        }
        variance /= 18.0;
        if (variance <= 0) {
            return 0;
        }
        double corrected = s > 0 ? s - 1 : s < 0 ? s + 1 : 0;
        return corrected / Math.sqrt(variance);
    }

    private static double[][] reduce(double[] seconds, double[] values, int n) {
        if (n <= MAX_POINTS) {
            return new double[][] {Arrays.copyOf(seconds, n), Arrays.copyOf(values, n)};
        }
        double[] t = new double[MAX_POINTS];
        double[] v = new double[MAX_POINTS];
        for (int b = 0; b < MAX_POINTS; b++) {
            int from = (int) ((long) b * n / MAX_POINTS);
            int to = (int) ((long) (b + 1) * n / MAX_POINTS);
            t[b] = median(Arrays.copyOfRange(seconds, from, to));
            v[b] = median(Arrays.copyOfRange(values, from, to));
        }
        return new double[][] {t, v};
    }

    /** The median, reordering {@code values}: a selection, not a sort, as there can be 20,000 slopes. */
    static double median(double[] values) {
        int mid = values.length / 2;
        double upper = select(values, mid);
        if (values.length % 2 == 1) {
            return upper;
        }
        double lower = values[0]; // select left the smaller half in front: its largest is the lower middle
        for (int i = 1; i < mid; i++) {
            lower = Math.max(lower, values[i]);
        }
        return (lower + upper) / 2.0;
    }

    /** Hoare's selection: the {@code k}-th smallest, with smaller values before it and larger after. */
    private static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = a[i];
                    a[i++] = a[j];
                    a[j--] = swap;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break; // between the partitions: equal to the pivot
            }
        }
        return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
