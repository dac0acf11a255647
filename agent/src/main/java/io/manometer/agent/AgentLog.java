package io.manometer.agent;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's only output: one line per message on stderr, prefixed so it is greppable, and a
 * ceiling so a fault that repeats cannot flood the application's log. Logging never throws: it is
 * called from catch blocks, often while the heap is full, and an OutOfMemoryError thrown from a
 * catch block would escape it (and kill JFR's periodic thread, or the sampler's).
 */
public final class AgentLog {
    private static final int MAX_WARNINGS = 20;
    private static final AtomicInteger WARNINGS = new AtomicInteger();
    private static final AtomicInteger PRINTED = new AtomicInteger();
    private static volatile boolean verbose;

    private AgentLog() {}

    public static void setVerbose(boolean on) {
        verbose = on;
    }

    public static void info(String message) {
        if (verbose) {
            System.err.println("[manometer] " + message);
        }
    }

    public static void warn(String message) {
        WARNINGS.incrementAndGet(); // counted even when the line cannot be printed
        int n = PRINTED.incrementAndGet(); // lines, not counts: a notice said once leaves room for others
        try {
            if (n < MAX_WARNINGS) {
                System.err.println("[manometer] WARNING: " + message);
            } else if (n == MAX_WARNINGS) {
                System.err.println("[manometer] WARNING: " + message + " (further warnings suppressed)");
            }
        } catch (Throwable unprintable) {
            // No memory for the line: the count above still reaches the recording.
        }
    }

    public static void warn(String message, Throwable cause) {
        try {
            warn(message + ": " + describe(cause));
        } catch (Throwable unprintable) {
            WARNINGS.incrementAndGet();
        }
    }

    /** A warning that is not printed (its kind was said once already), still counted in the recording. */
    public static void countWarning() {
        WARNINGS.incrementAndGet();
    }

    public static int warningCount() {
        return WARNINGS.get();
    }

    public static String describe(Throwable t) {
        String text = t.getMessage();
        return t.getClass().getName() + (text == null ? "" : " (" + text.replace('\n', ' ') + ")");
    }
}
