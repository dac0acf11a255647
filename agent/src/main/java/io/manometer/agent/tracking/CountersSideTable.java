package io.manometer.agent.tracking;

import io.manometer.agent.bootstrap.BufferCounters;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * The counters of queues and executors whose classes were loaded before the agent: such a class
 * can only be retransformed, which cannot add the counters field, so its objects find their
 * counters here. Keys are weak and compared by identity (a queue's own equals may walk it).
 *
 * <p>A lookup runs on every operation of those classes: an identity hash, a probe or two of an
 * open-addressed array and a weak reference read; no lock, no allocation. Adding is rare (a
 * construction, or a first use of an object made before the agent) and locked. A racy lookup
 * that misses an entry being added goes the locked way and finds it there. Entries whose object
 * was collected are dropped when the array is rebuilt.
 */
final class CountersSideTable {
    private static final int INITIAL_CAPACITY = 1024;

    /** The object, weakly, and its counters (dropped as soon as the object is found collected). */
    private static final class Entry extends WeakReference<Object> {
        BufferCounters counters;

        Entry(Object key, BufferCounters counters, ReferenceQueue<Object> collected) {
            super(key, collected);
            this.counters = counters;
        }
    }

    /** The arrays of one size, replaced whole when rebuilt: a reader sees one or the other. */
    private static final class Slots {
        final Entry[] entries;
        /** Each entry's identity hash, beside it: a probe compares ints before it follows a reference. */
        final int[] hashes;

        Slots(int capacity) {
            entries = new Entry[capacity];
            hashes = new int[capacity];
        }
    }

    private volatile Slots slots = new Slots(INITIAL_CAPACITY);
    /** Where the JVM puts the entries of collected objects: their counters go at once, their slots at the next rebuild. */
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    /** Under this: slots used, by live or collected objects, and of those the collected. */
    private int used;
    private int dead;

    /** The counters of {@code key}, or null. */
    BufferCounters get(Object key) {
        Slots table = slots;
        Entry[] entries = table.entries;
        int[] hashes = table.hashes;
        int mask = entries.length - 1;
        int hash = System.identityHashCode(key);
        int i = hash & mask;
        for (int probes = 0; probes <= mask; probes++) {
            Entry e = entries[i];
            if (e == null) {
                return null;
            }
            if (hashes[i] == hash && e.get() == key) {
                return e.counters; // null only while being added: the locked way then finds it
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** The counters of {@code key}: those it has, or {@code counters}, now its own. */
    synchronized BufferCounters putIfAbsent(Object key, BufferCounters counters) {
        BufferCounters known = get(key);
        if (known != null) {
            return known;
        }
        expunge();
        if ((used + 1) * 2 > slots.entries.length) {
            rebuild();
        }
        place(slots, new Entry(key, counters, collected), System.identityHashCode(key));
        used++;
        return counters;
    }

    /** Objects tracked and still alive. */
    synchronized int size() {
        int live = 0;
        for (Entry e : slots.entries) {
            if (e != null && e.get() != null) {
                live++;
            }
        }
        return live;
    }

    /**
     * Lets the counters of collected objects go, and rebuilds when they hold half the slots used;
     * the sampler calls it each period, so a table no longer added to shrinks too.
     */
    synchronized void purge() {
        expunge();
        if (dead * 2 > used && used > INITIAL_CAPACITY / 4) {
            rebuild();
        }
    }

    /**
     * Under the lock. Short-lived queues die young; holding their counters (a few hundred bytes
     * each) until a rebuild would make every young collection copy them.
     */
    private void expunge() {
        for (Reference<?> r = collected.poll(); r != null; r = collected.poll()) {
            ((Entry) r).counters = null;
            dead++;
        }
    }

    /** Copies the live entries into arrays at most a quarter full: twice the size, or the same, or smaller. */
    private void rebuild() {
        Slots old = slots;
        int live = 0;
        for (Entry e : old.entries) {
            if (e != null && e.get() != null) {
                live++;
            }
        }
        int capacity = INITIAL_CAPACITY;
        while (capacity < live * 4) {
            capacity <<= 1;
        }
        Slots table = new Slots(capacity);
        for (int i = 0; i < old.entries.length; i++) {
            Entry e = old.entries[i];
            if (e != null && e.get() != null) {
                place(table, e, old.hashes[i]);
            }
        }
        used = live;
        dead = 0; // entries cleared but not yet queued are counted later: only sizing depends on it
        slots = table;
    }

    private static void place(Slots table, Entry entry, int hash) {
        int mask = table.entries.length - 1;
        int i = hash & mask;
        while (table.entries[i] != null) {
            i = (i + 1) & mask;
        }
        table.hashes[i] = hash; // before the entry: a reader that sees the entry sees its hash
        table.entries[i] = entry;
    }
}
