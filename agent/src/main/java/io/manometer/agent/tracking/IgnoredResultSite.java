package io.manometer.agent.tracking;

import java.util.concurrent.atomic.LongAdder;

/**
 * A call whose refusal the caller throws away: an {@code offer} whose {@code false} is popped, a
 * channel write whose short count is popped. Each refusal there is an item or bytes lost without
 * trace; only their number is kept, never the items.
 */
public final class IgnoredResultSite {
    /** The method called, e.g. {@code java.util.Queue.offer}. */
    private volatile String call;
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

    /** The method called, e.g. {@code java.util.Queue.offer}. */
    public String call() {
        return call;
    }

    void calls(String method) {
        this.call = method;
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
     * A rejection, with the exception's message. Executors name the task in it, as an identity
     * unless the task has its own toString: the JDK's AbortPolicy ({@code Task com.acme.Job@1b6d3586
     * rejected from ...}), Jetty's pool (the task alone). A task named by one of the last few
     * rejections is the same task offered again, a retry, whatever the handler's first instructions
     * looked like.
     */
    void rejected(String message) {
        String task = firstIdentity(message);
        if (task == null) {
            return;
        }
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

    /** The first {@code name@hex} word of a message (an object's default toString), or null. */
    static String firstIdentity(String message) {
        if (message == null) {
            return null;
        }
        for (int at = message.indexOf('@'); at > 0; at = message.indexOf('@', at + 1)) {
            int end = at + 1;
            while (end < message.length() && Character.digit(message.charAt(end), 16) >= 0) {
                end++;
            }
            int start = at;
            while (start > 0 && " [(,=".indexOf(message.charAt(start - 1)) < 0) {
                start--;
            }
            if (end > at + 1 && start < at) {
                return message.substring(start, end);
            }
        }
        return null;
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
