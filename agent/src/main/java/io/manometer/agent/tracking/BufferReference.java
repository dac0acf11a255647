package io.manometer.agent.tracking;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/** A weak reference to a tracked object that remembers which registry entry to drop once it is collected. */
public final class BufferReference extends WeakReference<Object> {
    final long id;

    BufferReference(Object referent, ReferenceQueue<Object> collected, long id) {
        super(referent, collected);
        this.id = id;
    }
}
