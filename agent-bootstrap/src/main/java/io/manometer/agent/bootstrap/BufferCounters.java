package io.manometer.agent.bootstrap;

/**
 * Cumulative operation counts of one buffer (queue or executor) instance, held in a field the agent
 * adds to the buffer's class, so the hot path is a field load and an increment: no map, no
 * allocation.
 *
 * <p>The counters are plain {@code long}s, not atomics: an atomic increment would cost more than
 * the whole budget of an {@code offer}+{@code poll} pair. Under concurrent producers a rare
 * increment can be lost; depth is therefore read from the queue itself wherever that is cheap.
 *
 * <p>Producers write {@code inserted}, consumers {@code removed}. Sharing a cache line, the two
 * sides would stall each other on every element, so superclasses pad them apart (field order
 * within one class is the JVM's choice; superclass fields always come first).
 */
public final class BufferCounters extends CounterPadding.RemoveSide {
    /** Opaque agent-side state (creation site, registration); never touched by advice. */
    public volatile Object agentState;

    public BufferCounters(long trackAt) {
        this.trackAt = trackAt;
        this.removeAt = trackAt;
    }
}
