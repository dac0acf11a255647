package com.example;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Reads rows as fast as it can and hands each to a writer pool that takes a millisecond a row. */
public final class Export {
    private final ExecutorService writers;

    public Export(ExecutorService writers) {
        this.writers = writers;
    }

    /** Exports rows for {@code seconds}; returns how many were handed over. */
    public long run(double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long rows = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 20; i++) {
                writers.execute(Export::writeRow);
                rows++;
            }
            Thread.sleep(1); // the reader: about 20,000 rows a second
        }
        writers.shutdownNow();
        writers.awaitTermination(5, TimeUnit.SECONDS);
        return rows;
    }

    private static void writeRow() {
        try {
            Thread.sleep(1); // the database: about 1,000 rows a second
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
