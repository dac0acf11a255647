package io.manometer.agent.tracking;

/**
 * A buffer the sampler found empty and unmoved, offered to give up its slot: the registry asks
 * again, from the thread that needs the slot, whether it is still idle. The sampler keeps what it
 * read of each buffer; this is all the registry needs of it.
 */
public interface IdleCandidate {
    TrackedBuffer buffer();

    /** Whether it is still empty and unmoved since the sampler's last reading. */
    boolean stillIdle();
}
