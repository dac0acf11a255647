package io.manometer.trials;

/** The same producer and consumer speeds for every trial: about 20,000 items/s in, 3,000/s out. */
final class Pace {
    private Pace() {}

    /** Call once per item produced: sleeps a millisecond every 20 items. */
    static void produced(long count) {
        if (count % 20 == 0) {
            sleepMillis(1);
        }
    }

    /** A consumer's work on one item: about 0.3 ms. */
    static void consume() {
        sleepMillis(0);
        long end = System.nanoTime() + 300_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    static boolean before(long deadlineNanos) {
        return System.nanoTime() < deadlineNanos;
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
