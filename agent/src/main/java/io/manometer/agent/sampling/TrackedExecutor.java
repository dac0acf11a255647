package io.manometer.agent.sampling;

import java.lang.ref.WeakReference;
import java.util.concurrent.ThreadPoolExecutor;

/** An executor the agent follows, with the queue its tasks wait in; both held weakly. */
public final class TrackedExecutor {
    public final long id;
    public final String type;
    public final CallSite created;
    final WeakReference<ThreadPoolExecutor> executor;
    final WeakReference<Object> workQueue;
    /** The thread that submitted the task that made the executor tracked; set once, read by the sampler. */
    private volatile CallSite producer = CallSite.UNKNOWN;
    private volatile String producerThread = "";

    TrackedExecutor(long id, ThreadPoolExecutor executor, Object workQueue, CallSite created) {
        this.id = id;
        this.type = executor.getClass().getName();
        this.executor = new WeakReference<>(executor);
        this.workQueue = new WeakReference<>(workQueue);
        this.created = created;
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
