package io.manometer.agent.sampling;

import io.manometer.agent.bootstrap.BufferCounters;
import java.lang.ref.WeakReference;

/** A buffer the agent follows: held weakly, so tracking never keeps a dead queue alive. */
public final class TrackedBuffer {
    public final long id;
    public final String type;
    public final CallSite created;
    public final CallSite producer;
    public final String producerThread;
    final WeakReference<Object> buffer;
    final BufferCounters counters;

    TrackedBuffer(long id, Object buffer, BufferCounters counters, CallSite created, CallSite producer,
                  String producerThread) {
        this.id = id;
        this.type = buffer.getClass().getName();
        this.buffer = new WeakReference<>(buffer);
        this.counters = counters;
        this.created = created;
        this.producer = producer;
        this.producerThread = producerThread;
    }
}
