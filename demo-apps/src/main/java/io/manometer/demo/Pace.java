package io.manometer.demo;

import java.util.concurrent.TimeUnit;

/** Runs an action at a steady rate until a deadline: the arrival rate of ids, messages or rows. */
public final class Pace {
    /** An action that may block (a put, a write). */
    public interface Step {
        void run(long index) throws Exception;
    }

    private Pace() {}

    /** Calls {@code step} with 0, 1, 2... {@code perSecond} times a second until the deadline; returns the count. */
    public static long forEach(long deadlineNanos, long perSecond, Step step) throws Exception {
        long start = System.nanoTime();
        long i = 0;
        while (System.nanoTime() < deadlineNanos) {
            step.run(i++);
            long ahead = start + i * 1_000_000_000L / perSecond - System.nanoTime();
            if (ahead > 0) {
                TimeUnit.NANOSECONDS.sleep(ahead);
            }
        }
        return i;
    }

    /** Sleeps, as a slow service does; false if interrupted (the demo is ending). */
    public static boolean work(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
