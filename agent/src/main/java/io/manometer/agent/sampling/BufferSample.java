package io.manometer.agent.sampling;

import io.manometer.agent.tracking.TrackedBuffer;

/**
 * One buffer at one instant; capacity -1 means unbounded, oldestWaitNanos -1 unknown. A delayed
 * buffer (a DelayQueue) holds elements waiting for their time: its oldest wait is how late the
 * next due element is. {@code unchanged}: same depth and counts as at the buffer's last reading.
 */
public record BufferSample(TrackedBuffer buffer, long depth, boolean depthExact, long capacity, long inserted,
                           long removed, long refused, boolean delayed, long oldestWaitNanos, boolean unchanged) {

    /** A bounded buffer with no room: producers now wait or are refused. */
    public boolean atCapacity() {
        return capacity >= 0 && depth >= capacity;
    }
}
