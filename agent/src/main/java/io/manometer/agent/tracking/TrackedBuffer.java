package io.manometer.agent.tracking;

import io.manometer.agent.bootstrap.BufferCounters;

/** A buffer the agent follows: held weakly, so tracking never keeps a dead queue alive. */
public final class TrackedBuffer {
    public final long id;
    public final String type;
    public final CallSite created;
    private volatile CallSite producer;
    private volatile String producerThread;
    public final BufferReference buffer;
    /** Null for queues of classes loaded before the agent, whose operations are not counted. */
    public final BufferCounters counters;
    /** True for queues built for hand-off; others are reported once seen from two threads. */
    final boolean builtForHandOff;
    final ThreadNames producers = new ThreadNames();
    final ThreadNames consumers = new ThreadNames();
    /** Set once the buffer has been collected, or evicted while idle, and its entry dropped. */
    private volatile boolean dropped;
    /** Whether it waits in the registry's idle list (sampler and evicting thread). */
    volatile boolean offeredAsIdle;

    TrackedBuffer(long id, BufferReference buffer, BufferCounters counters, CallSite created, CallSite producer,
                  String producerThread) {
        this.id = id;
        this.type = buffer.get().getClass().getName();
        this.buffer = buffer;
        this.counters = counters;
        this.created = created;
        this.producer = producer;
        this.producerThread = producerThread;
        this.builtForHandOff = io.manometer.agent.model.QueueTypes.builtForHandOff(buffer.get());
    }

    /** Whether the buffer has been collected, or evicted while idle, and its entry dropped. */
    public boolean dropped() {
        return dropped;
    }

    void drop() {
        dropped = true;
    }

    /** The first insert the agent saw: its stack names the line that feeds the buffer. */
    public CallSite producer() {
        return producer;
    }

    public String producerThread() {
        return producerThread;
    }

    boolean producerKnown() {
        return !producerThread.isEmpty();
    }

    void producerSeen(CallSite site, String thread) {
        this.producerThread = thread;
        this.producer = site;
    }

    /** Whether the agent has seen this buffer used by more than one thread. */
    boolean sharedBetweenThreads() {
        return producers.size() > 1 || consumers.size() > 0 && consumers.anyNotIn(producers);
    }

    /**
     * Hands the buffer back to its counters' threshold: fed again, it is tracked again. Under the
     * counters' lock, like the tracking itself in {@code AgentHooks.bufferActive}.
     */
    void release(long trackAgainAfter) {
        synchronized (counters) {
            if (counters.agentState == this) {
                counters.agentState = created;
                counters.trackAt = counters.inserted + trackAgainAfter;
            }
        }
    }

    public boolean worthReporting() {
        return builtForHandOff || sharedBetweenThreads();
    }

    public String producerThreads() {
        return producers.toString();
    }

    public String consumerThreads() {
        return consumers.toString();
    }
}
