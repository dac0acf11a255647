package io.manometer.agent.bootstrap;

/**
 * Cumulative operation counts of one buffer (queue) instance, held in a field the agent adds to
 * the buffer's class, so the hot path is a field load and an increment: no map, no allocation.
 *
 * <p>The counters are plain {@code long}s, not atomics: an atomic increment would cost more than
 * the whole budget of an {@code offer}+{@code poll} pair. Under concurrent producers a rare
 * increment can be lost; depth is therefore read from the queue itself wherever that is cheap.
 */
public final class BufferCounters {
    /** Elements accepted by the buffer (successful add/offer/put/transfer and their variants), or tasks submitted. */
    public long inserted;
    /** Elements handed out or removed (successful poll/take/remove/drainTo and their variants). */
    public long removed;
    /**
     * Insert count at which the agent starts tracking the buffer: short-lived or tiny buffers never
     * reach it and so cost nothing beyond these counters.
     */
    public long trackAt;
    /** Opaque agent-side state (creation site, registration); never touched by advice. */
    public volatile Object agentState;

    public BufferCounters(long trackAt) {
        this.trackAt = trackAt;
    }
}
