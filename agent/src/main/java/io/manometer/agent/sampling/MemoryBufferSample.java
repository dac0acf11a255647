package io.manometer.agent.sampling;

import io.manometer.agent.tracking.TrackedMemoryBuffer;

/** One large in-memory buffer at one instant. */
public record MemoryBufferSample(TrackedMemoryBuffer buffer, long sizeBytes, long capacityBytes) {}
