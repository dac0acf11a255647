package io.manometer.demo.fanout;

import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/** Ids streamed from a database cursor, at a steady 200 a second, until the deadline. */
final class UserIds {
    static final int PER_SECOND = 200;

    private UserIds() {}

    static long forEach(long deadlineNanos, LongConsumer action) throws InterruptedException {
        long start = System.nanoTime();
        long id = 0;
        while (System.nanoTime() < deadlineNanos) {
            action.accept(id++);
            long ahead = start + id * 1_000_000_000L / PER_SECOND - System.nanoTime();
            if (ahead > 0) {
                TimeUnit.NANOSECONDS.sleep(ahead);
            }
        }
        return id;
    }
}
