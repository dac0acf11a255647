package io.manometer.analyzer.reading;

/**
 * A recording's shape with more harm: every buffer's backlog, in flight, counts and refusals and the
 * JVM's live threads multiplied. The corpus judges it beside the original: a larger backlog must
 * never be judged lower.
 */
public final class MoreHarm {
    private MoreHarm() {}

    /** Scales {@code recording} in place by {@code factor} and returns it. */
    public static Recording scale(Recording recording, double factor) {
        recording.sortSamples();
        recording.threads().sortIfNeeded();
        for (BufferSeries series : recording.series()) {
            series.samples.scaleLevels(factor);
        }
        recording.threads().scaleLevels(factor);
        for (RefusalSite site : recording.refusalSites()) {
            site.refused = Math.round(site.refused * factor);
            site.retried = Math.round(site.retried * factor);
        }
        return recording;
    }
}
