package io.manometer.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The summary of interleaved pairs of runs: reads lines {@code without with} (one pair each) and
 * prints the median of the ratios with/without (or, with {@code --difference}, of the differences
 * with - without) and its 95 % interval. The interval is distribution-free (the order statistics a
 * sign test gives for a median), as noisy runs on a shared machine are not normal; with fewer
 * than six pairs there is none.
 *
 * <p>{@code ... | PairedRuns [--difference UNIT] LABEL}
 */
public final class PairedRuns {
    private PairedRuns() {}

    public static void main(String[] args) throws Exception {
        boolean difference = args.length > 1 && args[0].equals("--difference");
        String unit = difference ? args[1] : "";
        String label = difference ? (args.length > 2 ? args[2] : "difference") : (args.length > 0 ? args[0] : "ratio");
        List<Double> values = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2) {
                double without = Double.parseDouble(f[0]);
                double with = Double.parseDouble(f[1]);
                values.add(difference ? with - without : with / without);
            }
        }
        System.out.println(difference ? differences(label, unit, values) : summary(label, values));
    }

    static String summary(String label, List<Double> ratios) {
        return describe(ratios, label, (median, interval) -> String.format(Locale.ROOT,
                "%s: median ratio %.3f (%+.1f %%), %s", label, median, 100 * (median - 1), interval), "%.3f");
    }

    static String differences(String label, String unit, List<Double> differences) {
        return describe(differences, label, (median, interval) -> String.format(Locale.ROOT,
                "%s: median difference %+.2f %s, %s", label, median, unit, interval), "%+.2f");
    }

    private interface Line {
        String of(double median, String interval);
    }

    private static String describe(List<Double> values, String label, Line line, String number) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n == 0) {
            return label + ": no pairs";
        }
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        int k = lowerRank(n);
        String interval = k < 0 ? "too few pairs for an interval" : String.format(Locale.ROOT,
                "95%% interval " + number + " to " + number, sorted.get(k), sorted.get(n - 1 - k));
        return line.of(median, interval) + ", " + n + " pairs";
    }

    /**
     * The largest 0-based rank k such that the k-th smallest and k-th largest values bound the median
     * with at least 95 % confidence: P(Binomial(n, 1/2) <= k) <= 2.5 %. -1 when no such k exists.
     */
    static int lowerRank(int n) {
        double p = Math.pow(0.5, n);
        double cumulative = 0;
        double term = p; // C(n, 0) / 2^n
        int k = -1;
        for (int i = 0; i < n; i++) {
            cumulative += term;
            if (cumulative > 0.025) {
                break;
            }
            k = i;
            term = term * (n - i) / (i + 1);
        }
        return k;
    }
}
