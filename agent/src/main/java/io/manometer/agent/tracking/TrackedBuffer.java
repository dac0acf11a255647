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
    /**
     * Removals the advice did not see (a library's drain(), removeIf, an iterator's remove),
     * inferred when the queue is found empty while its counts say otherwise; sampler only.
     */
    public long removalsNotSeen;
    /** For the oldest element's wait; touched by the sampler only. */
    public final ArrivalMarks arrivals = new ArrivalMarks();
    /**
     * What the sampler last read (sampler only): raw counts, -1 before the first reading, and the
     * depth. A buffer whose counts have not moved since is not read again every period.
     */
    public long sampledInserted = -1;
    public long sampledRemoved = -1;
    public long sampledDepth;
    public long sampledRefused;
    /**
     * When its last sample event was written, and whether that one was already unchanged (event
     * writer only): an idle buffer among the described is written every few seconds, not every period.
     */
    public long writtenAtNanos;
    public boolean writtenUnchanged;
    /** When the sampler last found the counts unmoved without reading the buffer; 0 if not since. */
    public long unmovedAtNanos;
    /** Whether the last snapshot described this buffer (those are always read afresh). */
    public boolean described;
    /** Whether the sampler has read it (and found it worth describing) at least once. */
    public boolean sampledOnce;
    /** Whether the sampler has looked at it at least once, worth describing or not. */
    public boolean visited;
    /** Set once the buffer has been collected, or evicted while idle, and its entry dropped. */
    public volatile boolean dropped;
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
     * Whether nothing was inserted or (where removals are counted) removed since the sampler last
     * read this buffer: its depth cannot have grown, so the last reading still ranks it.
     */
    public boolean unmovedSinceSampled() {
        return counters != null && sampledInserted >= 0 && counters.inserted == sampledInserted
                && counters.removed == sampledRemoved;
    }

    /** Empty and unmoved since the sampler's last reading: its slot can go to a buffer in use. */
    boolean stillIdle() {
        return sampledOnce && sampledDepth == 0 && unmovedSinceSampled();
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
