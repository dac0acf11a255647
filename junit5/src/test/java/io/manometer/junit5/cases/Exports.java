package io.manometer.junit5.cases;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** A reader that hands rows to a writer pool for a while; the pool decides whether it waits. */
final class Exports {
    private Exports() {}

    static void run(ExecutorService writers, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 20; i++) {
                writers.execute(Exports::writeRow);
            }
            Thread.sleep(1);
        }
        writers.shutdownNow();
        writers.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static void writeRow() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
