package io.manometer.agent.tracking;

import io.manometer.agent.bootstrap.BufferCounters;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The buffers and executors being followed. Entries hold their objects weakly and are dropped once
 * the object is collected; the number of live entries is capped so agent memory stays bounded
 * whatever the application does, and what the cap turns away is counted, not silently lost.
 *
 * <p>At the cap, a buffer the sampler found empty and idle gives up its slot to the newcomer (which
 * is being fed: it just crossed its tracking threshold). A start-up that churns through thousands of
 * short-lived queues therefore cannot fill the table for good with queues that are dead but not yet
 * collected; the idle one is tracked again, under a new id, if it is fed again.
 */
public final class TrackingRegistry {
    /** Live tracked buffers at most; past it, new buffers are counted as untracked. */
    public static final int MAX_TRACKED = 10_000;

    /** Call sites rewritten in application code: async launches and ignored refusals. */
    public final InstrumentedSites sites = new InstrumentedSites();
    /** Counters of the queues and executors whose classes were loaded before the agent. */
    final CountersSideTable sideTable = new CountersSideTable();
    private final ConcurrentHashMap<Long, TrackedBuffer> buffers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, TrackedExecutor> executors = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /**
     * Buffers added to {@code buffers} so far, counted once each is in the map: the sampler reads it
     * before copying the map. An id is given before its buffer goes in, so the last id could announce
     * a buffer the copy then missed, and nothing after it would bring the copy back.
     */
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong untracked = new AtomicLong();
    /** Network connections (Netty channels, gRPC streams) whose outbound bytes backed up. */
    public final OutboundGroups outbound = new OutboundGroups(ids, untracked);
    /**
     * Buffers the sampler found empty and unmoved: the first to give up their slot at the cap. A list
     * under a lock, not a concurrent queue: a queue class loaded by the agent's start would be loaded
     * before its instrumentation, and the application's queues of that class would go unwatched.
     */
    private final List<IdleCandidate> idle = new ArrayList<>();
    private final AtomicLong evicted = new AtomicLong();
    /** Inserts after which an evicted buffer, fed again, is tracked again: the agent's track.after. */
    private final long trackAgainAfter;

    public TrackingRegistry(long trackAgainAfter) {
        this.trackAgainAfter = trackAgainAfter;
    }
    /** Where the JVM puts the references of collected buffers: dropping their entries is O(1) each. */
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** Starts following a buffer, once: the counters remember that it is tracked. */
    TrackedBuffer track(Object buffer, BufferCounters counters, CallSite created, CallSite producer,
                        String producerThread) {
        dropCollected();
        if (buffers.size() >= MAX_TRACKED && !evictOneIdle()) {
            untracked.incrementAndGet();
            return null;
        }
        long id = ids.incrementAndGet();
        TrackedBuffer tracked = new TrackedBuffer(id, new BufferReference(buffer, collected, id), counters, created,
                producer, producerThread);
        buffers.put(tracked.id, tracked);
        added.incrementAndGet();
        return tracked;
    }

    TrackedExecutor track(ExecutorService executor, Object workQueue, CallSite created, BufferCounters counters) {
        TrackedExecutor tracked = new TrackedExecutor(ids.incrementAndGet(), executor, workQueue, created, counters);
        executors.put(tracked.id, tracked);
        return tracked;
    }

    /** Live memory buffers described at most; a buffer this large is rare, thousands are a leak in themselves. */
    static final int MAX_MEMORY_BUFFERS = 1000;
    private final java.util.Map<Object, TrackedMemoryBuffer> memoryBuffers =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The entry for a large in-memory buffer, made when it first grows past the threshold; null over the limit. */
    TrackedMemoryBuffer memoryBuffer(Object buffer, java.util.function.Supplier<CallSite> writer) {
        synchronized (memoryBuffers) {
            TrackedMemoryBuffer known = memoryBuffers.get(buffer);
            if (known != null || memoryBuffers.size() >= MAX_MEMORY_BUFFERS) {
                if (known == null) {
                    untracked.incrementAndGet();
                }
                return known;
            }
            TrackedMemoryBuffer fresh = new TrackedMemoryBuffer(ids.incrementAndGet(), buffer, writer.get(),
                    Thread.currentThread().getName());
            memoryBuffers.put(buffer, fresh);
            return fresh;
        }
    }

    /** Live large memory buffers. */
    public List<TrackedMemoryBuffer> memoryBuffers() {
        synchronized (memoryBuffers) {
            return new ArrayList<>(memoryBuffers.values());
        }
    }

    /** Large queues without counters (see ArrayDequeAdvice, LinkedListAdvice), by identity; weakly held. */
    private final WeakIdentityTable<TrackedBuffer> uncounted = new WeakIdentityTable<>();

    /**
     * The entry for a queue without counters, made on first sight; null when the queue is not to be
     * tracked (over the limit, or another queue's storage, as {@code internal} says).
     */
    TrackedBuffer trackUncounted(Object queue, java.util.function.BooleanSupplier internal) {
        synchronized (uncounted) {
            if (uncounted.containsKey(queue)) {
                return uncounted.get(queue);
            }
            TrackedBuffer tracked = internal.getAsBoolean() ? null
                    : track(queue, null, CallSite.UNKNOWN, CallSite.UNKNOWN, "");
            uncounted.put(queue, tracked);
            return tracked;
        }
    }

    /** Drops the entries of buffers the JVM has collected since the last call. */
    private void dropCollected() {
        for (Reference<?> ref = collected.poll(); ref != null; ref = collected.poll()) {
            TrackedBuffer gone = buffers.remove(((BufferReference) ref).id);
            if (gone != null) {
                gone.drop();
            }
        }
    }

    /** Drops entries whose object has been collected. */
    public void purgeCollected() {
        dropCollected();
        sideTable.purge();
        executors.values().removeIf(e -> e.executor.get() == null);
    }

    /** From the sampler: this buffer was empty and unmoved when last looked at. */
    public void foundIdle(IdleCandidate candidate) {
        TrackedBuffer buffer = candidate.buffer();
        synchronized (idle) {
            if (!buffer.offeredAsIdle) {
                buffer.offeredAsIdle = true;
                if (idle.size() >= MAX_TRACKED) { // bounded: the collected go, leaving at most the live
                    idle.removeIf(c -> c.buffer().dropped());
                }
                idle.add(candidate);
            }
        }
    }

    /** Frees the slot of one buffer still idle (checked again now); false if there is none. */
    private boolean evictOneIdle() {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                IdleCandidate candidate = idle.remove(idle.size() - 1);
                TrackedBuffer t = candidate.buffer();
                t.offeredAsIdle = false;
                if (!t.dropped() && candidate.stillIdle() && buffers.remove(t.id, t)) {
                    t.drop();
                    t.release(trackAgainAfter);
                    evicted.incrementAndGet();
                    return true;
                }
            }
            return false;
        }
    }

    /** Idle buffers that gave up their slot to a newcomer. */
    public long evictedCount() {
        return evicted.get();
    }

    /**
     * Every tracked buffer, copied, if one was added since {@code knownAdded} (what {@link #added()}
     * said before the last copy); else null: the sampler keeps its own list and walks the map only
     * when something was added.
     */
    public List<TrackedBuffer> buffersIfAddedSince(long knownAdded) {
        return added.get() == knownAdded ? null : new ArrayList<>(buffers.values());
    }

    /** Buffers added so far; read before {@link #buffersIfAddedSince}, one added meanwhile is copied next time. */
    public long added() {
        return added.get();
    }

    public List<TrackedExecutor> executors() {
        return new ArrayList<>(executors.values());
    }

    /** The work queues of live executors: sampled as part of their executor, not on their own. */
    public Set<Object> executorQueues() {
        Set<Object> queues = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TrackedExecutor e : executors.values()) {
            Object queue = e.workQueue.get();
            if (queue != null) {
                queues.add(queue);
            }
        }
        return queues;
    }

    public long untrackedCount() {
        return untracked.get();
    }

    public int trackedCount() {
        return buffers.size();
    }
}
