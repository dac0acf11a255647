package io.manometer.agent.tracking;

import java.util.concurrent.atomic.LongAdder;

/**
 * A call whose refusal the caller throws away: an {@code offer} whose {@code false} is popped, a
 * channel write whose short count is popped. Each refusal there is an item or bytes lost without
 * trace; only their number is kept, never the items.
 */
public final class IgnoredResultSite {
    /** The method called, e.g. {@code java.util.Queue.offer}. */
    public volatile String call;
    /** Where, as a stack frame. */
    public final String frame;
    /** Its number among the rewritten call sites. */
    public final int id;
    private final LongAdder refused = new LongAdder();
    final ThreadNames threads = new ThreadNames();
    private volatile CallSite stack;

    IgnoredResultSite(int id, String call, String frame) {
        this.id = id;
        this.call = call;
        this.frame = frame;
    }

    /**
     * The line to report: the rewritten call itself, unless it sits in a library and the captured
     * stack shows the application's line that led to it (the call is then that line's "via").
     */
    public String named() {
        CallSite s = stack;
        return s != null && s.application() ? s.site() : frame;
    }

    void refusedOnce(CaptureBudget captures, int stackDepth) {
        refused.increment();
        if (stack == null) {
            threads.add(Thread.currentThread().getName());
            if (captures.tryAcquire()) {
                stack = StackCapture.capture(stackDepth);
            }
        }
    }

    public long refused() {
        return refused.sum();
    }

    public String threads() {
        return threads.toString();
    }

    /** The frames that led to the first refusal seen, when captured. */
    public CallSite stack() {
        CallSite s = stack;
        return s == null ? CallSite.UNKNOWN : s;
    }
}
