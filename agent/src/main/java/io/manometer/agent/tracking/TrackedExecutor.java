package io.manometer.agent.tracking;

import io.manometer.agent.bootstrap.BufferCounters;
import java.lang.ref.WeakReference;
import java.util.concurrent.ExecutorService;

/** An executor the agent follows, with the queue its tasks wait in (if it has one); both held weakly. */
public final class TrackedExecutor {
    public final long id;
    public final String type;
    public final CallSite created;
    public final WeakReference<ExecutorService> executor;
    final WeakReference<Object> workQueue;
    public final BufferCounters counters;
    /** For the oldest queued task's wait; touched by the sampler only. */
    public final ArrivalMarks arrivals = new ArrivalMarks();
    /** The thread that submitted the task that made the executor tracked; set once, read by the sampler. */
    private volatile CallSite producer = CallSite.UNKNOWN;
    private volatile String producerThread = "";

    TrackedExecutor(long id, ExecutorService executor, Object workQueue, CallSite created, BufferCounters counters) {
        this.id = id;
        this.type = executor.getClass().getName();
        this.executor = new WeakReference<>(executor);
        this.workQueue = new WeakReference<>(workQueue);
        this.created = created;
        this.counters = counters;
    }

    void producerSeen(CallSite site, String thread) {
        this.producerThread = thread;
        this.producer = site;
    }

    public CallSite producer() {
        return producer;
    }

    public String producerThread() {
        return producerThread;
    }
}
