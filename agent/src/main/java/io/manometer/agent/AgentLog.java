package io.manometer.agent;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's only output: one line per message on stderr, prefixed so it is greppable, and a
 * ceiling so a fault that repeats cannot flood the application's log.
 */
public final class AgentLog {
    private static final int MAX_WARNINGS = 20;
    private static final AtomicInteger WARNINGS = new AtomicInteger();
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
        int n = WARNINGS.incrementAndGet();
        if (n < MAX_WARNINGS) {
            System.err.println("[manometer] WARNING: " + message);
        } else if (n == MAX_WARNINGS) {
            System.err.println("[manometer] WARNING: " + message + " (further warnings suppressed)");
        }
    }

    public static void warn(String message, Throwable cause) {
        warn(message + ": " + describe(cause));
    }

    public static int warningCount() {
        return WARNINGS.get();
    }

    public static String describe(Throwable t) {
        String text = t.getMessage();
        return t.getClass().getName() + (text == null ? "" : " (" + text.replace('\n', ' ') + ")");
    }
}
