package io.manometer.agent.bootstrap;

/** What instrumented code may ask of the agent. Implemented in the agent, never here. */
public interface BridgeHooks {
    /** A buffer was constructed; returns its counters (never null). */
    BufferCounters bufferCreated(Object buffer);

    /**
     * The counters of a buffer or executor whose class was loaded before the agent (so it has no
     * field to hold them), from the agent's side table; null if it has none yet. Lock-free, no
     * allocation, touches no instrumented class: called on every operation of those classes.
     */
    BufferCounters countersKnown(Object buffer);

    /**
     * Gives such a buffer or executor counters in the side table and returns them (null if it is
     * not to be counted): when it was just {@code constructed}, as {@link #bufferCreated} and
     * {@link #executorCreated} would; otherwise it was made before the agent and is met now.
     */
    BufferCounters adopt(Object buffer, boolean constructed);

    /** A buffer or executor reached its insert threshold on this (producer) thread. */
    void bufferActive(Object buffer, BufferCounters counters);

    /**
     * A large queue of a class loaded before the agent (so without counters) was used on this
     * thread; called for a sample of its operations only.
     */
    void largeQueueUsed(Object queue, boolean insert);

    /** A rewritten line starts constructing a queue ({@code site}), or has finished (-1). */
    void constructing(int site);

    /** A buffer reached its removal threshold on this (consumer) thread. */
    void bufferDrained(Object buffer, BufferCounters counters);

    /**
     * An executor was constructed, with the queue its tasks wait in (may be null); returns the
     * counters its submissions are counted in (never null).
     */
    BufferCounters executorCreated(Object executor, Object workQueue);

    /** Asynchronous work was launched at instrumented call site {@code site}; see Bridge#asyncLaunched. */
    void asyncLaunched(Object handle, int site);

    /** A refusal (an item not taken, bytes not written) was discarded unchecked at call site {@code site}. */
    void refusalIgnored(int site);

    /**
     * A handler of RejectedExecutionException was entered at call site {@code site} with {@code exception}:
     * a task refused, and perhaps offered again (the exception's message names it).
     */
    void rejectionCaught(Object exception, int site);

    /** An in-memory buffer (ByteArrayOutputStream, CharArrayWriter) grew to {@code capacityBytes}, past the threshold. */
    void memoryBufferGrew(Object buffer, long capacityBytes);

    /**
     * A connection's outbound buffer in a network library backed up (went not writable) for the
     * first time, on the writing thread; returns its counters (never null), tracked from now on.
     */
    OutboundCounters outboundBackedUp(Object buffer, int transport);

    /** A hook above threw {@code fault}; the call it served went on as if the agent were absent. */
    void hookFailed(Throwable fault);
}
