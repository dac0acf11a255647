package io.manometer.agent.sampling;

import io.manometer.agent.tracking.ArrivalMarks;
import io.manometer.agent.tracking.TrackedExecutor;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * One executor read through its own API: a pool's size, its queue's depth and bound, tasks
 * submitted, completed and rejected, and how long the oldest queued task has waited.
 */
final class ExecutorReading {
    private ExecutorReading() {}

    static ExecutorSample read(TrackedExecutor tracked, ExecutorService executor, long now) {
        if (executor instanceof ForkJoinPool) {
            ForkJoinPool pool = (ForkJoinPool) executor;
            long depth = pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount();
            return new ExecutorSample(tracked, pool.getPoolSize(), pool.getActiveThreadCount(), pool.getParallelism(),
                    depth, -1, tracked.counters.inserted, -1, tracked.counters.refused, pool == ForkJoinPool.commonPool(),
                    // forked subtasks queue beside submissions uncounted: no order to reason from
                    false, ArrivalMarks.UNKNOWN, "");
        }
        if (!(executor instanceof ThreadPoolExecutor)) {
            // Thread per task: no queue, no pool; the backlog is the tasks in flight.
            long started = tracked.counters.inserted;
            long completed = tracked.counters.removed;
            int inFlight = (int) Math.max(0, Math.min(Integer.MAX_VALUE, started - completed));
            return new ExecutorSample(tracked, inFlight, inFlight, -1, inFlight, -1, started, completed, 0, false, false,
                    0, "");
        }
        ThreadPoolExecutor tpe = (ThreadPoolExecutor) executor;
        BlockingQueue<Runnable> queue = tpe.getQueue();
        long depth = LockFreeSizes.size(queue);
        long submitted = tpe.getTaskCount();
        boolean scheduled = tpe instanceof ScheduledThreadPoolExecutor;
        return new ExecutorSample(tracked, tpe.getPoolSize(), tpe.getActiveCount(), tpe.getMaximumPoolSize(), depth,
                QueueBounds.capacity(queue, depth), submitted, tpe.getCompletedTaskCount(), tracked.counters.refused,
                false, scheduled,
                scheduled ? QueueBounds.overdueNanos(queue) : tracked.arrivals.oldestWaitNanos(now, submitted, depth),
                tpe.getRejectedExecutionHandler().getClass().getName()); // what becomes of a rejected task
    }
}
