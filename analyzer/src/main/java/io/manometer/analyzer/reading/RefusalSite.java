package io.manometer.analyzer.reading;

/** A call site that discards refusals (an offer's false, a write's short count), as the agent counted it. */
public final class RefusalSite {
    /** Known once an event carrying its text is read (a live stream may hand over the number first). */
    String site;
    String calledMethod;
    String stack = "";
    String threads = "";
    long refused;
    /** Rejections of a task rejected moments before at the same handler: the task was offered again. */
    long retried;
    long refusedAtFirstSample = -1;
    long firstSeenNanos = Long.MAX_VALUE;
    long lastSeenNanos = Long.MIN_VALUE;

    RefusalSite(String site, String calledMethod) {
        this.site = site;
        this.calledMethod = calledMethod;
    }

    /** Takes in what a later chunk of the recording said about the same site. */
    void absorb(RefusalSite later) {
        if (stack.isEmpty()) {
            stack = later.stack;
            threads = later.threads;
        }
        if (later.firstSeenNanos < firstSeenNanos) {
            refusedAtFirstSample = later.refusedAtFirstSample;
        }
        refused = Math.max(refused, later.refused);
        retried = Math.max(retried, later.retried);
        firstSeenNanos = Math.min(firstSeenNanos, later.firstSeenNanos);
        lastSeenNanos = Math.max(lastSeenNanos, later.lastSeenNanos);
    }

    public String site() {
        return site;
    }

    public String calledMethod() {
        return calledMethod;
    }

    public String stack() {
        return stack;
    }

    public String threads() {
        return threads;
    }

    /** Rejected tasks offered again at this handler, by the end of the recording (0 when not recorded). */
    public long retried() {
        return retried;
    }

    /** Refusals discarded by the end of the recording (the counter is cumulative). */
    public long refused() {
        return refused;
    }

    /** Refusals per second between the first and the last sample; null when there were none in between. */
    public Double refusalsPerSecond() {
        double seconds = durationSeconds();
        return seconds > 0 && refused > refusedAtFirstSample ? (refused - refusedAtFirstSample) / seconds : null;
    }

    /** When the first sample of this site was taken, in nanoseconds since the epoch. */
    public long firstSeenNanos() {
        return firstSeenNanos;
    }

    /** Seconds between the first and last sample of this site. */
    public double durationSeconds() {
        return lastSeenNanos > firstSeenNanos ? (lastSeenNanos - firstSeenNanos) / 1e9 : 0;
    }
}
