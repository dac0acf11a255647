package io.manometer.benchmarks.cpu;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The summary of interleaved pairs: reads lines {@code without with} (one pair each) and prints the
 * median of the ratios with/without and its 95 % interval. The interval is distribution-free (the
 * order statistics a sign test gives for a median), as noisy ratios on a shared machine are not
 * normal; with fewer than six pairs there is none.
 *
 * <p>{@code ... | PairedRatios LABEL}
 */
public final class PairedRatios {
    private PairedRatios() {}

    public static void main(String[] args) throws Exception {
        List<Double> ratios = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2) {
                ratios.add(Double.parseDouble(f[1]) / Double.parseDouble(f[0]));
            }
        }
        System.out.println(summary(args.length > 0 ? args[0] : "ratio", ratios));
    }

    static String summary(String label, List<Double> ratios) {
        List<Double> sorted = new ArrayList<>(ratios);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n == 0) {
            return label + ": no pairs";
        }
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        int k = lowerRank(n);
        String interval = k < 0 ? "too few pairs for an interval"
                : String.format(Locale.ROOT, "95%% interval %.3f to %.3f", sorted.get(k), sorted.get(n - 1 - k));
        return String.format(Locale.ROOT, "%s: median ratio %.3f (%+.1f %%), %s, %d pairs", label, median,
                100 * (median - 1), interval, n);
    }

    /**
     * The largest 0-based rank k such that the k-th smallest and k-th largest ratios bound the median
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
