package io.manometer.agent.tracking;

import io.manometer.agent.bootstrap.BufferCounters;
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

    /** The object, weakly, and its counters. */
    private static final class Entry extends WeakReference<Object> {
        final BufferCounters counters;

        Entry(Object key, BufferCounters counters) {
            super(key);
            this.counters = counters;
        }
    }

    private volatile Entry[] entries = new Entry[INITIAL_CAPACITY];
    /** Under this: slots used, by live or collected objects. */
    private int used;

    /** The counters of {@code key}, or null. */
    BufferCounters get(Object key) {
        Entry[] table = entries;
        int mask = table.length - 1;
        int i = System.identityHashCode(key) & mask;
        for (int probes = 0; probes <= mask; probes++) {
            Entry e = table[i];
            if (e == null) {
                return null;
            }
            if (e.get() == key) {
                return e.counters;
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
        if ((used + 1) * 2 > entries.length) {
            rebuild();
        }
        Entry[] table = entries;
        int mask = table.length - 1;
        int i = System.identityHashCode(key) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = new Entry(key, counters);
        used++;
        return counters;
    }

    /** Objects tracked and still alive. */
    synchronized int size() {
        int live = 0;
        for (Entry e : entries) {
            if (e != null && e.get() != null) {
                live++;
            }
        }
        return live;
    }

    /** Drops collected objects' entries when they fill a quarter of the array; the sampler calls it. */
    synchronized void purge() {
        int collected = 0;
        for (Entry e : entries) {
            if (e != null && e.get() == null) {
                collected++;
            }
        }
        if (collected * 4 > entries.length) {
            rebuild();
        }
    }

    /** Copies the live entries into an array at most a quarter full: twice the size, or the same, or smaller. */
    private void rebuild() {
        Entry[] old = entries;
        int live = 0;
        for (Entry e : old) {
            if (e != null && e.get() != null) {
                live++;
            }
        }
        int capacity = INITIAL_CAPACITY;
        while (capacity < live * 4) {
            capacity <<= 1;
        }
        Entry[] table = new Entry[capacity];
        int mask = capacity - 1;
        for (Entry e : old) {
            Object key = e == null ? null : e.get();
            if (key != null) {
                int i = System.identityHashCode(key) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = e;
            }
        }
        used = live;
        entries = table;
    }
}
