package io.manometer.agent.sampling;

import io.manometer.agent.model.QueueTypes;
import io.manometer.agent.tracking.ArrivalMarks;
import io.manometer.agent.tracking.TrackedBuffer;
import io.manometer.agent.tracking.TrackingRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.DelayQueue;

/**
 * The walk over every tracked queue, once a period, that picks the deepest {@code maxBuffers} to
 * describe, each read afresh. A buffer whose counts have not moved since it was last read, and which
 * was not among those described, is ranked by its last depth rather than read again: with thousands
 * tracked, most are idle. With thousands, they are also walked only every other period, a slice at
 * a time (see {@link #LOOK_AT_ALL_BELOW}). Sampler thread only.
 */
final class BufferWalk {
    /**
     * How often every buffer is looked at, moved or not: a buffer emptied by a way the advice does
     * not count (or a queue that became an executor's) is seen at least this often. Looking costs a
     * size or an emptiness check; only a buffer found changed is read in full.
     */
    private static final long READ_ALL_EVERY_NANOS = 5_000_000_000L;
    /**
     * With this many tracked or more, the buffers are walked every other period only (in between,
     * those described are read again), and each walk looks at one slice of those not described (in
     * turn, so each at least every {@value #SLICES} walks) and ranks the rest by their last reading:
     * a buffer that starts to grow among thousands is described a few periods later.
     */
    static final int LOOK_AT_ALL_BELOW = 1000;
    private static final int SLICES = 4;

    /** The deepest {@code maxBuffers} buffers, read afresh, and what the rest add up to. */
    record Ranking(List<BufferSample> described, int omitted, long omittedMax, long omittedTotal) {}

    /** A buffer read this period, with what the sampler keeps of it. */
    private record Read(SampledBuffer state, BufferSample sample) {
        long depth() {
            return sample.depth();
        }
    }

    private final TrackingRegistry registry;
    private final int maxBuffers;
    /** Every live tracked buffer with what the sampler knows of it, and those the last snapshot described. */
    private final List<SampledBuffer> known = new ArrayList<>();
    private final List<SampledBuffer> describedLastTime = new ArrayList<>();
    private int slice;
    private boolean walkedLastTime;
    private DeepestUnread lastUnread = new DeepestUnread(1);
    private long knownAdded = -1;
    private long lastReadAllNanos;

    BufferWalk(TrackingRegistry registry, int maxBuffers) {
        this.registry = registry;
        this.maxBuffers = maxBuffers;
    }

    Ranking walk(long now) {
        boolean readAll = now - lastReadAllNanos >= READ_ALL_EVERY_NANOS;
        if (readAll) {
            lastReadAllNanos = now;
        }
        Set<Object> executorQueues = registry.executorQueues();
        refreshKnown();
        boolean many = known.size() >= LOOK_AT_ALL_BELOW;
        boolean walk = readAll || !many || !walkedLastTime;
        walkedLastTime = walk;
        List<Read> read = new ArrayList<>();
        if (!walk) {
            // Every other period with thousands tracked: only those described are read again, and
            // the rest keep the ranking of the last walk.
            for (SampledBuffer s : describedLastTime) {
                Object buffer = s.tracked.dropped() ? null : s.tracked.buffer.get();
                if (buffer != null) {
                    read.add(sample(s, buffer, now));
                }
            }
            return rank(read, lastUnread, now);
        }
        int slices = many && !readAll ? SLICES : 1;
        slice = (slice + 1) % slices;
        DeepestUnread unread = new DeepestUnread(maxBuffers);
        int kept = 0;
        for (int i = 0; i < known.size(); i++) {
            SampledBuffer s = known.get(i);
            if (s.tracked.dropped()) {
                continue;
            }
            known.set(kept++, s);
            boolean lookAt = i % slices == slice || s.described || !s.visited;
            if (!lookAt || !readAll && !s.described && s.unmovedSinceSampled()) {
                if (lookAt) {
                    foundUnmoved(s, now);
                }
                if (s.sampledOnce) {
                    unread.offer(s);
                }
                continue;
            }
            s.visited = true;
            Object buffer = s.tracked.buffer.get();
            if (buffer == null || executorQueues.contains(buffer) || !s.tracked.worthReporting()) {
                continue;
            }
            if (readAll && !s.described && s.sampledOnce && holdsWhatItHeld(s, buffer)) {
                // The walk that reads them all is there to catch what the counts miss; one that
                // shows nothing new is ranked by its last reading, like any unmoved buffer, and
                // costs neither a sample nor a place in the sort.
                foundUnmoved(s, now);
                unread.offer(s);
                continue;
            }
            read.add(sample(s, buffer, now));
        }
        known.subList(kept, known.size()).clear();
        lastUnread = unread;
        return rank(read, unread, now);
    }

    /**
     * Takes up the registry's list when a buffer was added since the last copy, keeping what was
     * known of the buffers already there (matched by identity: the registry hands out one record
     * per tracked buffer).
     */
    private void refreshKnown() {
        long added = registry.added(); // before the copy: a buffer added meanwhile is copied next time
        List<TrackedBuffer> all = registry.buffersIfAddedSince(knownAdded);
        if (all == null) {
            return;
        }
        Map<TrackedBuffer, SampledBuffer> before = new IdentityHashMap<>(known.size() * 2);
        for (SampledBuffer s : known) {
            before.put(s.tracked, s);
        }
        known.clear();
        for (TrackedBuffer t : all) {
            SampledBuffer s = before.get(t);
            known.add(s != null ? s : new SampledBuffer(t));
        }
        knownAdded = added;
    }

    /** Looked at and found as last read: its wait clock is told, and an empty one may give up its slot. */
    private void foundUnmoved(SampledBuffer s, long now) {
        s.unmovedAtNanos = now;
        if (s.sampledDepth == 0) {
            registry.foundIdle(s);
        }
    }

    /**
     * Ranks the buffers read this period together with the deepest unread ones by their last depth
     * (an unmoved buffer cannot have grown since); an unread one that ranks among the deepest is
     * read now, so everything described is fresh.
     */
    private Ranking rank(List<Read> read, DeepestUnread unread, long now) {
        read.sort(Comparator.comparingLong(Read::depth).reversed());
        List<SampledBuffer> unmoved = unread.deepestFirst();
        for (SampledBuffer s : describedLastTime) {
            s.described = false;
        }
        describedLastTime.clear();
        List<Read> described = new ArrayList<>();
        int r = 0;
        int u = 0;
        while (described.size() < maxBuffers && (r < read.size() || u < unmoved.size())) {
            if (u == unmoved.size() || r < read.size() && read.get(r).depth() >= unmoved.get(u).sampledDepth) {
                described.add(read.get(r++));
            } else {
                SampledBuffer s = unmoved.get(u++);
                Object buffer = s.tracked.buffer.get();
                if (buffer != null) {
                    described.add(sample(s, buffer, now));
                }
            }
        }
        described.sort(Comparator.comparingLong(Read::depth).reversed());
        List<BufferSample> samples = new ArrayList<>(described.size());
        for (Read d : described) {
            d.state().described = true;
            describedLastTime.add(d.state());
            samples.add(d.sample());
        }
        int omitted = unread.passedCount();
        long omittedMax = unread.passedMaxDepth();
        long omittedTotal = unread.passedTotalDepth();
        for (; r < read.size(); r++) {
            omitted++;
            omittedMax = Math.max(omittedMax, read.get(r).depth());
            omittedTotal += read.get(r).depth();
        }
        for (; u < unmoved.size(); u++) {
            omitted++;
            omittedMax = Math.max(omittedMax, unmoved.get(u).sampledDepth);
            omittedTotal += unmoved.get(u).sampledDepth;
        }
        return new Ranking(samples, omitted, omittedMax, omittedTotal);
    }

    private Read sample(SampledBuffer s, Object buffer, long now) {
        TrackedBuffer tracked = s.tracked;
        String type = tracked.type;
        boolean exact = QueueTypes.hasExactSize(type);
        boolean readBefore = s.sampledOnce;
        s.sampledOnce = true;
        if (tracked.counters == null) { // loaded before the agent: depth only
            long depth = LockFreeSizes.size((Collection<?>) buffer);
            boolean unchanged = readBefore && depth == s.sampledDepth;
            s.sampledDepth = depth;
            return new Read(s, new BufferSample(tracked, depth, true, QueueBounds.capacity(buffer, depth), -1, -1, -1,
                    false, ArrivalMarks.UNKNOWN, unchanged));
        }
        if (s.unmovedAtNanos != 0) {
            s.arrivals.unmovedAt(s.unmovedAtNanos, s.sampledInserted);
            s.unmovedAtNanos = 0;
        }
        long inserted = tracked.counters.inserted;
        long removedCounted = tracked.counters.removed;
        long depth = exact ? LockFreeSizes.size((Collection<?>) buffer) : derivedDepth(s, inserted, removedCounted);
        if (!exact && depth > 0 && buffer instanceof Collection && QueueTypes.hasCheapEmptyCheck(buffer.getClass())
                && ((Collection<?>) buffer).isEmpty()) {
            // Empty, yet the counts say otherwise: elements left by a way the advice does not count.
            // Taken up as removals, so a queue drained that way is not mistaken for a growing one.
            inserted = tracked.counters.inserted;
            removedCounted = tracked.counters.removed;
            s.removalsNotSeen += derivedDepth(s, inserted, removedCounted);
            depth = 0;
        }
        long refused = tracked.counters.refused;
        boolean unchanged = readBefore && inserted == s.sampledInserted && removedCounted == s.sampledRemoved
                && depth == s.sampledDepth && refused == s.sampledRefused;
        s.sampledInserted = inserted;
        s.sampledRemoved = removedCounted;
        s.sampledDepth = depth;
        s.sampledRefused = refused;
        // Blocking queues with an exact size do not count removals (see QueueTypes): derive them.
        long removed = QueueTypes.removalsDerived(type) ? Math.max(0, inserted - depth)
                : removedCounted + s.removalsNotSeen;
        boolean delayed = buffer instanceof DelayQueue;
        long oldestWait = delayed ? QueueBounds.overdueNanos((DelayQueue<?>) buffer)
                : s.arrivals.oldestWaitNanos(now, inserted, depth);
        return new Read(s, new BufferSample(tracked, depth, exact, QueueBounds.capacity(buffer, depth), inserted,
                removed, refused, delayed, oldestWait, unchanged));
    }

    /**
     * Whether a buffer whose counts have not moved still holds what it held at its last reading:
     * its exact size is the same, or (sizes derived from the counts) it is not found empty where
     * the counts say otherwise. Reads no more than a size or an emptiness check.
     */
    private static boolean holdsWhatItHeld(SampledBuffer s, Object buffer) {
        if (!s.unmovedSinceSampled() || s.tracked.counters.refused != s.sampledRefused) {
            return false;
        }
        if (QueueTypes.hasExactSize(s.tracked.type)) {
            return LockFreeSizes.size((Collection<?>) buffer) == s.sampledDepth;
        }
        return s.sampledDepth == 0 || !(buffer instanceof Collection
                && QueueTypes.hasCheapEmptyCheck(buffer.getClass()) && ((Collection<?>) buffer).isEmpty());
    }

    private static long derivedDepth(SampledBuffer s, long inserted, long removedCounted) {
        return Math.max(0, inserted - removedCounted - s.removalsNotSeen);
    }
}
