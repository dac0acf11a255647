package io.manometer.agent.sampling;

import io.manometer.agent.tracking.TrackedExecutor;

/**
 * One executor at one instant; queueCapacity -1 means unbounded, tasksCompleted -1 unknown (a
 * ForkJoinPool does not count them), oldestTaskWaitNanos -1 unknown (only a ThreadPoolExecutor's
 * queue is first in, first out with counted submissions). For a scheduled executor, whose
 * queue holds tasks waiting for their time, the wait is how late the next due task is.
 */
public record ExecutorSample(TrackedExecutor executor, int poolSize, int activeThreads, int maximumPoolSize,
                             long queueDepth, long queueCapacity, long tasksSubmitted, long tasksCompleted,
                             long tasksRejected, boolean commonPool, boolean scheduled, long oldestTaskWaitNanos,
                             String rejectionPolicy) {

    /**
     * A bounded work queue with no room and no thread left to add: submitters now wait, run
     * tasks themselves, or are rejected. A full queue with threads to spare is not (a cached
     * pool's SynchronousQueue holds nothing, ever, while the pool grows a thread per task).
     */
    public boolean atCapacity() {
        return queueCapacity >= 0 && queueDepth >= queueCapacity && poolSize >= maximumPoolSize;
    }
}
