package io.manometer.stats;

/**
 * The part of a series a detector judges: the samples after a warm-up, as seconds since the first
 * sample and values, ready for {@link Trend}.
 *
 * @param from    index of the first sample in the window
 * @param seconds sample times, seconds since the series began
 * @param values  sample values
 */
public record SeriesWindow(int from, double[] seconds, double[] values) {

    /** The samples at least {@code warmupSeconds} after the first; empty if none. */
    public static SeriesWindow afterWarmup(TimeSeries series, double warmupSeconds) {
        return series.size() == 0 ? of(series, 0) : afterWarmup(series, warmupSeconds, series.time(0));
    }

    /** The samples at least {@code warmupSeconds} after {@code startNanos} (same clock as the series'). */
    public static SeriesWindow afterWarmup(TimeSeries series, double warmupSeconds, long startNanos) {
        int n = series.size();
        int from = 0;
        while (from < n && (series.time(from) - startNanos) / 1e9 < warmupSeconds) {
            from++;
        }
        return of(series, from);
    }

    /** The samples from index {@code from} on. */
    public static SeriesWindow of(TimeSeries series, int from) {
        int count = Math.max(0, series.size() - from);
        double[] seconds = new double[count];
        double[] values = new double[count];
        long start = series.size() == 0 ? 0 : series.time(0);
        for (int i = 0; i < count; i++) {
            seconds[i] = (series.time(from + i) - start) / 1e9;
            values[i] = series.value(from + i);
        }
        return new SeriesWindow(from, seconds, values);
    }

    /** Prefixes probed before the search narrows down (every one, in series up to this long). */
    private static final int PROBES = 32;

    /** A judgement of a window as if the series had ended at its last sample. */
    public interface Evidence {
        boolean holds(SeriesWindow prefix, double last, double peak);
    }

    /**
     * Seconds since the series began at which {@code evidence} first held, judging each growing
     * prefix of this window; null if it never did.
     */
    public Double firstHolding(Evidence evidence) {
        int n = values.length;
        double[] peaks = new double[n];
        for (int k = 0; k < n; k++) {
            peaks[k] = Math.max(k == 0 ? 0 : peaks[k - 1], values[k]);
        }
        // Probe every step-th prefix, then bisect the step in which the evidence first held (within
        // one step, more data is taken to keep it holding): a long series costs PROBES + log2(step)
        // judgements instead of one per sample, and a short one is judged sample by sample.
        int step = Math.max(1, n / PROBES);
        int notHeld = 0;
        for (int k = Math.min(step, n); k <= n; k = k == n ? n + 1 : Math.min(k + step, n)) {
            if (evidence.holds(prefix(k), values[k - 1], peaks[k - 1])) {
                int held = k;
                while (held - notHeld > 1) {
                    int mid = (notHeld + held) >>> 1;
                    if (evidence.holds(prefix(mid), values[mid - 1], peaks[mid - 1])) {
                        held = mid;
                    } else {
                        notHeld = mid;
                    }
                }
                return seconds[held - 1];
            }
            notHeld = k;
        }
        return null;
    }

    /** The first {@code count} samples of this window. */
    public SeriesWindow prefix(int count) {
        return new SeriesWindow(from, java.util.Arrays.copyOf(seconds, count), java.util.Arrays.copyOf(values, count));
    }

    public int count() {
        return values.length;
    }

    public double durationSeconds() {
        return values.length < 2 ? 0 : seconds[values.length - 1] - seconds[0];
    }

    public Trend trend() {
        return Trend.of(seconds, values, values.length);
    }

    /** The trend of the later part (from {@code fraction} of the window on, never under 3 points). */
    public Trend recentTrend(double fraction) {
        int n = values.length;
        int recentFrom = Math.max(0, Math.min((int) (n * fraction), n - 3));
        double[] t = java.util.Arrays.copyOfRange(seconds, recentFrom, n);
        double[] v = java.util.Arrays.copyOfRange(values, recentFrom, n);
        return Trend.of(t, v, v.length);
    }
}
