package io.manometer.agent.tracking;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Values by their key's identity, keys held weakly: for objects whose own {@code equals} and
 * {@code hashCode} walk their contents (a LinkedList's, or any List's), which a WeakHashMap would
 * call, and by which two lists with the same elements would be one. Not thread-safe: callers lock.
 */
final class WeakIdentityTable<V> {
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> collected) {
            super(referent, collected);
            hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true; // how a collected key, whose referent is gone, is found to be removed
            }
            Object referent = get();
            return other instanceof Key && referent != null && referent == ((Key) other).get();
        }
    }

    private final Map<Key, V> entries = new HashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    boolean containsKey(Object key) {
        dropCollected();
        return entries.containsKey(new Key(key, null));
    }

    V get(Object key) {
        return entries.get(new Key(key, null));
    }

    void put(Object key, V value) {
        dropCollected();
        entries.put(new Key(key, collected), value);
    }

    private void dropCollected() {
        for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
            entries.remove(gone);
        }
    }
}
