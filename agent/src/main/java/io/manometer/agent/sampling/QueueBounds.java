package io.manometer.agent.sampling;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/** A queue's bound and how late its next due element is: read alike for queues and executors' queues. */
final class QueueBounds {
    /** A capacity of 2^30 elements or more is no bound at all. */
    private static final long UNBOUNDED_FROM = 1L << 30;

    private QueueBounds() {}

    /**
     * How late the next due task of a scheduled executor (or element of a DelayQueue) is. Such a
     * queue holds tasks waiting for their time (timeouts, periodic jobs, cancelled tasks kept until
     * their delay ends): only one past its time is waiting for a consumer.
     */
    static long overdueNanos(BlockingQueue<?> queue) {
        Object next = queue.peek();
        return next instanceof Delayed ? Math.max(0, -((Delayed) next).getDelay(TimeUnit.NANOSECONDS)) : 0;
    }

    /** The bound of a buffer holding {@code depth}; -1 when it has none. */
    static long capacity(Object buffer, long depth) {
        if (!(buffer instanceof BlockingQueue)) {
            return -1;
        }
        long bound = LockFreeSizes.bound(buffer);
        if (bound != LockFreeSizes.UNKNOWN) {
            return bound;
        }
        BlockingQueue<?> queue = (BlockingQueue<?>) buffer;
        long remaining = queue.remainingCapacity();
        long capacity = depth + remaining;
        // size() and remainingCapacity() are read at different moments, so an unbounded queue that
        // grows between them sums to a little under Integer.MAX_VALUE: any "bound" this large bounds
        // nothing, and is reported as unbounded.
        if (capacity >= UNBOUNDED_FROM) {
            return -1;
        }
        // A bounded queue in use sums to a little under its bound the same way (972 of 1,000): read
        // both again until the size held still around them, so the bound reported is the bound set.
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = queue.size();
            remaining = queue.remainingCapacity();
            if (queue.size() == before) {
                return before + remaining;
            }
        }
        return capacity;
    }
}
