package io.manometer.agent.live;

import java.util.function.IntSupplier;

/**
 * Holds the live verdict back until the application's start-up has settled. Starting the agent's
 * own recording starts JFR: about 0.6 s of CPU on two cores, which, spent while a large application
 * (Spring Boot, say) loads its thousands of classes, lengthens that start by as much. Start-up is
 * taken as over when the JVM defines fewer than {@value #QUIET_CLASSES} classes in half a second
 * (Spring Boot defines a thousand a second until it is ready); a program that never quiets down
 * waits {@value #LONGEST_WAIT_MILLIS} ms at most. A program that starts producing at once loses half
 * a second of live history, not a finding: growth is judged over seconds, and goes on.
 */
final class StartupSettled {
    static final int QUIET_CLASSES = 25;
    static final long LONGEST_WAIT_MILLIS = 20_000;
    private static final long LOOK_EVERY_MILLIS = 250;
    /** Looks a quiet stretch spans: half a second. */
    private static final int QUIET_LOOKS = 2;

    private StartupSettled() {}

    /** Returns once start-up has settled, or at the longest wait; {@code classesDefined} only grows. */
    static void await(IntSupplier classesDefined) throws InterruptedException {
        await(classesDefined, LONGEST_WAIT_MILLIS);
    }

    static void await(IntSupplier classesDefined, long longestWaitMillis) throws InterruptedException {
        int[] recent = new int[QUIET_LOOKS + 1];
        long deadline = System.nanoTime() + longestWaitMillis * 1_000_000L;
        int looks = 0;
        while (System.nanoTime() < deadline) {
            recent[looks % recent.length] = classesDefined.getAsInt();
            if (looks >= QUIET_LOOKS
                    && recent[looks % recent.length] - recent[(looks - QUIET_LOOKS) % recent.length] < QUIET_CLASSES) {
                return;
            }
            looks++;
            Thread.sleep(LOOK_EVERY_MILLIS);
        }
    }
}
