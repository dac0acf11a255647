package io.manometer.demo.fanout;

import io.manometer.demo.Pace;
import java.util.function.LongConsumer;

/** Ids streamed from a database cursor, at a steady 200 a second, until the deadline. */
final class UserIds {
    static final int PER_SECOND = 200;

    private UserIds() {}

    static long forEach(long deadlineNanos, LongConsumer action) throws Exception {
        return Pace.forEach(deadlineNanos, PER_SECOND, action::accept);
    }
}
