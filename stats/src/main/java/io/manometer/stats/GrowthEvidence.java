package io.manometer.stats;

/**
 * The evidence that something keeps growing with nothing to stop it: a backlog, work in flight,
 * bytes held, live threads. Every growth verdict, offline in the analyzer and live in the agent,
 * is this one judgement with its own thresholds, so the two cannot disagree.
 *
 * <p>All of it is required: after a warm-up, enough samples over a long enough time, a
 * statistically significant increasing trend (Mann–Kendall) whose robust slope (Theil–Sen) adds up
 * to a meaningful amount over the window, a level that reaches that amount, and a level that has
 * not drained back. A burst that drains is healthy; a sawtooth whose trend climbs is not, and the
 * trend test sees through it.
 *
 * <p>Nothing here allocates per sample: a series is read where it lies ({@link TimeSeries}), and
 * only a judgement copies its window.
 */
public final class GrowthEvidence {
    /** Growth that stopped in the later half of the window: worth knowing, not missing backpressure. */
    public static final int SCORE_SLOWED = 35;
    /** Growth still going at the end: a warning before any bonus. */
    public static final int SCORE_GROWING = 70;
    /** Added when the level is large (critical whatever else). */
    public static final int BONUS_LARGE = 15;
    /** Added when the level is a tenth of large. */
    public static final int BONUS_SIZEABLE = 7;
    /** Added when, at the heap's pace, the heap limit is near. */
    public static final int BONUS_HEAP_LIMIT_SOON = 15;
    /** The later part of the window whose trend says whether growth goes on: the second half. */
    private static final double RECENT_FRACTION = 0.5;

    /**
     * The thresholds of one rule.
     *
     * @param warmupSeconds      seconds at the start of the series that are ignored (start-up fills buffers)
     * @param minSamples         samples needed after warm-up before anything is said
     * @param minDurationSeconds seconds of samples needed after warm-up
     * @param minGrowth          how much the trend must add up to over the window, and the level must reach
     * @param drainedFraction    a level back below this fraction of its peak has drained: a burst, not growth
     */
    public record Criteria(double warmupSeconds, int minSamples, double minDurationSeconds, double minGrowth,
                           double drainedFraction) {}

    /**
     * What the evidence found in a series that grows.
     *
     * @param window           the samples judged (after warm-up)
     * @param trend            their trend
     * @param last             the level at the last sample
     * @param peak             the highest level
     * @param stillGrowing     the later half still climbs (see {@link #stillGrowing})
     * @param firstHeldSeconds seconds since the series began at which the evidence first held, judging
     *                         each growing prefix as if the series had ended there; null if only the whole did
     */
    public record Verdict(SeriesWindow window, Trend trend, double last, double peak, boolean stillGrowing,
                          Double firstHeldSeconds) {}

    private GrowthEvidence() {}

    /** The verdict on a series, or null when the evidence does not hold. */
    public static Verdict judge(TimeSeries series, Criteria criteria) {
        int n = series.size();
        if (n == 0 || series.value(n - 1) < criteria.minGrowth()) {
            return null; // cannot meet the effect size: spare the trend computation
        }
        double peak = 0;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, series.value(i));
        }
        double last = series.value(n - 1);
        SeriesWindow window = SeriesWindow.afterWarmup(series, criteria.warmupSeconds());
        Trend trend = trendIfItCanHold(window, last, peak, criteria);
        if (trend == null || !holds(window, trend, criteria)) {
            return null;
        }
        boolean stillGrowing = stillGrowing(window.recentTrend(RECENT_FRACTION), trend);
        Double first = window.firstHolding((prefix, prefixLast, prefixPeak) -> holds(prefix, prefixLast, prefixPeak,
                criteria));
        return new Verdict(window, trend, last, peak, stillGrowing, first);
    }

    /** Whether every part of the evidence holds over {@code window}, as if the series had ended there. */
    public static boolean holds(SeriesWindow window, double last, double peak, Criteria criteria) {
        Trend trend = trendIfItCanHold(window, last, peak, criteria);
        return trend != null && holds(window, trend, criteria);
    }

    /**
     * The window's trend, or null when the evidence fails on what is cheaper to check: too little,
     * too short, or drained. The trend is the O(n²) part, and a detection time judges dozens of prefixes.
     */
    private static Trend trendIfItCanHold(SeriesWindow window, double last, double peak, Criteria criteria) {
        double duration = window.durationSeconds();
        boolean drained = peak > 0 && last <= peak * criteria.drainedFraction();
        if (last < criteria.minGrowth() || window.count() < criteria.minSamples() || duration <= 0
                || duration < criteria.minDurationSeconds() || drained) {
            return null;
        }
        return window.trend();
    }

    /**
     * Whether the later half still climbs: at least half as fast as the whole window, or a quarter
     * as fast with a significant increase of its own. Growth that slows as it goes still ends in the
     * limit (a producer whose every insert scans the backlog, as OkHttp's dispatcher does; a heap
     * whose filling slows everything); a level that settled, with at most a creep, does not.
     */
    private static boolean stillGrowing(Trend recent, Trend whole) {
        double ratio = recent.slopePerSecond() / whole.slopePerSecond();
        return ratio >= 0.5 || ratio >= 0.25 && recent.isSignificantIncrease();
    }

    private static boolean holds(SeriesWindow window, Trend trend, Criteria criteria) {
        return trend.isSignificantIncrease() && trend.slopePerSecond() * window.durationSeconds() >= criteria.minGrowth();
    }

    /** 0 to 100: {@link #SCORE_SLOWED} when growth slowed, else {@link #SCORE_GROWING} plus the bonuses. */
    public static int score(boolean stillGrowing, int bonus) {
        return stillGrowing ? Math.min(100, SCORE_GROWING + bonus) : SCORE_SLOWED;
    }

    /** {@link #BONUS_LARGE} at {@code large} or more, {@link #BONUS_SIZEABLE} at a tenth of it. */
    public static int sizeBonus(double level, double large) {
        return level >= large ? BONUS_LARGE : level >= large / 10 ? BONUS_SIZEABLE : 0;
    }
}
