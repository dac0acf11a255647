package io.manometer.agent.instrument.advice;

/** In-memory byte and char buffers the agent watches once they are large. */
public final class MemoryBuffers {
    /** Bytes of backing array from which a buffer is worth the agent's attention. */
    public static final int LARGE = 1 << 20;

    private MemoryBuffers() {}
}
