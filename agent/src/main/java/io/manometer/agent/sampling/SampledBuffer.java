package io.manometer.agent.sampling;

import io.manometer.agent.tracking.ArrivalMarks;
import io.manometer.agent.tracking.IdleCandidate;
import io.manometer.agent.tracking.TrackedBuffer;

/**
 * What the sampler knows of one tracked buffer between periods: its last reading, whether it was
 * described, looked at, found unmoved, and the removals the advice did not see. The sampler's
 * thread writes it; the registry only asks, through {@link IdleCandidate}, whether it is still idle.
 */
final class SampledBuffer implements IdleCandidate {
    final TrackedBuffer tracked;
    /**
     * Removals the advice did not see (a library's drain(), removeIf, an iterator's remove),
     * inferred when the queue is found empty while its counts say otherwise.
     */
    long removalsNotSeen;
    /** For the oldest element's wait. */
    final ArrivalMarks arrivals = new ArrivalMarks();
    /**
     * What the sampler last read: raw counts, -1 before the first reading, and the depth. A buffer
     * whose counts have not moved since is not read again every period.
     */
    long sampledInserted = -1;
    long sampledRemoved = -1;
    long sampledDepth;
    long sampledRefused;
    /** When the sampler last found the counts unmoved without reading the buffer; 0 if not since. */
    long unmovedAtNanos;
    /** Whether the last snapshot described this buffer (those are always read afresh). */
    boolean described;
    /** Whether the sampler has read it (and found it worth describing) at least once. */
    boolean sampledOnce;
    /** Whether the sampler has looked at it at least once, worth describing or not. */
    boolean visited;

    SampledBuffer(TrackedBuffer tracked) {
        this.tracked = tracked;
    }

    @Override
    public TrackedBuffer buffer() {
        return tracked;
    }

    /**
     * Whether nothing was inserted or (where removals are counted) removed since the sampler last
     * read this buffer: its depth cannot have grown, so the last reading still ranks it.
     */
    boolean unmovedSinceSampled() {
        return tracked.counters != null && sampledInserted >= 0 && tracked.counters.inserted == sampledInserted
                && tracked.counters.removed == sampledRemoved;
    }

    /** Empty and unmoved since the sampler's last reading: its slot can go to a buffer in use. */
    @Override
    public boolean stillIdle() {
        return sampledOnce && sampledDepth == 0 && unmovedSinceSampled();
    }
}
