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

    /** The last few rejected tasks, as the executor's message named them, to see one offered again. */
    private final String[] recentlyRejected = new String[8];
    private int nextRejected;
    private final LongAdder retried = new LongAdder();

    /**
     * A rejection, with the exception's message. The JDK's AbortPolicy names the task in it ({@code Task
     * com.acme.Job@1b6d3586 rejected from ...}, an identity unless the task has its own toString): a
     * task named by one of the last few rejections is the same task offered again, a retry, whatever
     * the handler's first instructions looked like.
     */
    void rejected(String message) {
        if (message == null || !message.startsWith("Task ")) {
            return;
        }
        int end = message.indexOf(" rejected from ");
        if (end < 0) {
            return;
        }
        String task = message.substring(5, end);
        synchronized (recentlyRejected) {
            for (String recent : recentlyRejected) {
                if (task.equals(recent)) {
                    retried.increment();
                    return;
                }
            }
            recentlyRejected[nextRejected] = task;
            nextRejected = (nextRejected + 1) % recentlyRejected.length;
        }
    }

    /** Rejections of a task rejected moments before at this handler: it was offered again. */
    public long retried() {
        return retried.sum();
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
