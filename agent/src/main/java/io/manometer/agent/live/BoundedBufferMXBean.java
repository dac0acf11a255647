package io.manometer.agent.live;

/**
 * Buffers with a bound: their MBean alone has a capacity, so an exporter publishes a capacity
 * series only for a bounded buffer, as the OpenTelemetry conventions for executors ask.
 */
public interface BoundedBufferMXBean extends BufferMXBean {
    /** Most elements the buffers at this line accept together. */
    long getCapacity();
}
