package io.manometer.agent.sampling;

import io.manometer.agent.AgentLog;
import io.manometer.agent.InjectedFault;
import io.manometer.agent.PartNotice;
import io.manometer.agent.model.QueueTypes;
import io.manometer.agent.tracking.ArrivalMarks;
import io.manometer.agent.tracking.IgnoredResultSite;
import io.manometer.agent.tracking.LaunchSite;
import io.manometer.agent.tracking.TrackedBuffer;
import io.manometer.agent.tracking.TrackedExecutor;
import io.manometer.agent.tracking.OutboundGroups;
import io.manometer.agent.tracking.TrackedMemoryBuffer;
import io.manometer.agent.tracking.TrackingRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Reads depth and counters of everything tracked, on its own daemon thread. A buffer whose counts
 * have not moved since it was last read, and which was not among the deepest described, is ranked
 * by its last depth rather than read again: with thousands tracked, most are idle. With thousands,
 * they are also walked only every other period, a slice at a time (see {@link #LOOK_AT_ALL_BELOW}).
 *
 * <p>Reading a queue's size may take the queue's lock. If the application holds that lock for long,
 * the sampler waits, not the caller: a caller (JFR's periodic thread) waits a bounded time for a
 * fresh snapshot and otherwise gets none, so one stuck queue cannot stall the recording.
 */
public final class BufferSampler {
    private static final long FRESH_NANOS = 200_000_000L;
    /** After a late snapshot, the rest of the period's events (written within ms) do not wait again. */
    private static final long GIVE_UP_FOR_NANOS = 500_000_000L;
    private static final int LATE_IN_A_ROW_WORTH_A_WARNING = 3;
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
    private static final int LOOK_AT_ALL_BELOW = 1000;
    private static final int SLICES = 4;
    /** A capacity of 2^30 elements or more is no bound at all. */
    private static final long UNBOUNDED_FROM = 1L << 30;

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

    /**
     * One executor at one instant; queueCapacity -1 means unbounded, tasksCompleted -1 unknown (a
     * ForkJoinPool does not count them), oldestTaskWaitNanos -1 unknown (only a ThreadPoolExecutor's
     * queue is first in, first out with counted submissions). For a scheduled executor, whose
     * queue holds tasks waiting for their time, the wait is how late the next due task is.
     */
    public record ExecutorSample(TrackedExecutor executor, int poolSize, int activeThreads, int maximumPoolSize,
                                 long queueDepth, long queueCapacity, long tasksSubmitted, long tasksCompleted,
                                 long tasksRejected, boolean commonPool, boolean scheduled, long oldestTaskWaitNanos,
                                 String rejectionPolicy) {

        /**
         * A bounded work queue with no room and no thread left to add: submitters now wait, run
         * tasks themselves, or are rejected. A full queue with threads to spare is not (a cached
         * pool's SynchronousQueue holds nothing, ever, while the pool grows a thread per task).
         */
        public boolean atCapacity() {
            return queueCapacity >= 0 && queueDepth >= queueCapacity && poolSize >= maximumPoolSize;
        }
    }

    /** One large in-memory buffer at one instant. */
    public record MemoryBufferSample(TrackedMemoryBuffer buffer, long sizeBytes, long capacityBytes) {}

    /** One launching call site at one instant. */
    public record LaunchSample(LaunchSite site, long launched, long completed, long inFlight, long peakInFlight,
                               boolean inFlightExact, long launcherLooks, long launcherWaits) {}

    /**
     * What one period saw. Only the deepest {@code maxBuffers} queues and executors are described;
     * the rest are counted, so the recording says what it left out.
     */
    public record Snapshot(long takenAtNanos, List<BufferSample> buffers, List<ExecutorSample> executors,
                           int omittedBuffers, long omittedMaxDepth, long omittedTotalDepth,
                           List<LaunchSample> launches, List<IgnoredResultSite> ignoredResults,
                           List<MemoryBufferSample> memoryBuffers, List<OutboundGroups.Reading> outbound) {}

    private final TrackingRegistry registry;
    private final int maxBuffers;
    private final Object lock = new Object();
    /** Sampler thread only: every live tracked buffer, and those the last snapshot described. */
    private final List<TrackedBuffer> known = new ArrayList<>();
    private final List<TrackedBuffer> describedLastTime = new ArrayList<>();
    private int slice;
    private boolean walkedLastTime;
    private DeepestUnread lastUnread = new DeepestUnread(1);
    private long knownAdded = -1;
    private long lastReadAllNanos;
    private Snapshot latest;
    /** Guarded by lock: periods skipped, and those in a row; till when this period's events skip. */
    private long skippedPeriods;
    private int lateInARow;
    private long givenUpUntilNanos = Long.MIN_VALUE;
    private boolean requested;
    private Thread thread;

    public BufferSampler(TrackingRegistry registry, int maxBuffers) {
        this.registry = registry;
        this.maxBuffers = maxBuffers;
    }

    /**
     * A snapshot at most 200 ms old, waiting up to {@code maxWaitMillis} for it; null if none came.
     * A late snapshot skips the period, which is counted ({@link #skippedPeriods}) for the
     * recording; the other events of that period do not wait for it again. One late period is
     * often a GC pause or a starved machine, so the application's stderr hears of it only when
     * sampling stays late.
     */
    public Snapshot fresh(long maxWaitMillis) throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + maxWaitMillis * 1_000_000L;
        synchronized (lock) {
            startIfNeeded();
            while (latest == null || System.nanoTime() - latest.takenAtNanos > FRESH_NANOS) {
                requested = true;
                lock.notifyAll();
                long left = deadline - System.nanoTime();
                if (now < givenUpUntilNanos) {
                    return null;
                }
                if (left <= 0) {
                    skippedPeriod(maxWaitMillis);
                    return null;
                }
                lock.wait(Math.max(1, left / 1_000_000L));
            }
            lateInARow = 0;
            return latest;
        }
    }

    /** Under the lock. */
    private void skippedPeriod(long maxWaitMillis) {
        skippedPeriods++;
        givenUpUntilNanos = System.nanoTime() + GIVE_UP_FOR_NANOS;
        if (++lateInARow == LATE_IN_A_ROW_WORTH_A_WARNING) {
            AgentLog.warn("sampling has taken over " + maxWaitMillis + " ms " + lateInARow
                    + " periods in a row (a queue's lock held for long, or the JVM starved of CPU?); "
                    + "late periods are skipped and counted in the recording");
        }
    }

    /** Periods whose events were not written because sampling was late. */
    public long skippedPeriods() {
        synchronized (lock) {
            return skippedPeriods;
        }
    }

    /** Ends the sampler thread (a detach); a later request would start it again. */
    public void stop() {
        synchronized (lock) {
            if (thread != null) {
                thread.interrupt();
                thread = null;
            }
        }
    }

    /** Starts the sampler thread, again if it died (an OutOfMemoryError can end any thread). */
    private void startIfNeeded() {
        if (thread == null || !thread.isAlive()) {
            thread = new Thread(this::run, "manometer-sampler");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> SAMPLER_DIED.failed(e)); // no stack trace on stderr
            thread.start();
        }
    }

    private static final PartNotice SAMPLER_DIED = new PartNotice(
            "the sampler thread died; it is started again at the next period");
    private static final PartNotice SAMPLING_FAILED = new PartNotice(
            "sampling failed; periods that fail are skipped and counted");
    private static volatile boolean killedOnce;

    private void run() {
        if (InjectedFault.SAMPLER_DEATH.on() && !killedOnce) {
            killedOnce = true;
            InjectedFault.SAMPLER_DEATH.fireIfOn();
        }
        while (true) {
            try {
                synchronized (lock) {
                    while (!requested) {
                        lock.wait();
                    }
                    requested = false;
                }
                Snapshot snapshot = take();
                synchronized (lock) {
                    latest = snapshot;
                    lock.notifyAll();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                SAMPLING_FAILED.failed(t);
            }
        }
    }

    /** Takes a snapshot on the calling thread (the sampler's, or a test's: one at a time). */
    public Snapshot take() {
        InjectedFault.AGENT_OOM.fireIfOn();
        registry.purgeCollected();
        long now = System.nanoTime();
        boolean readAll = now - lastReadAllNanos >= READ_ALL_EVERY_NANOS;
        if (readAll) {
            lastReadAllNanos = now;
        }
        Set<Object> executorQueues = registry.executorQueues();
        long added = registry.added(); // before the copy: a buffer added meanwhile is copied next time
        List<TrackedBuffer> all = registry.buffersIfAddedSince(knownAdded);
        if (all != null) {
            known.clear();
            known.addAll(all);
            knownAdded = added;
        }
        boolean many = known.size() >= LOOK_AT_ALL_BELOW;
        boolean walk = readAll || !many || !walkedLastTime;
        walkedLastTime = walk;
        List<BufferSample> read = new ArrayList<>();
        DeepestUnread unread;
        if (!walk) {
            // Every other period with thousands tracked: only those described are read again, and
            // the rest keep the ranking of the last walk.
            for (TrackedBuffer tracked : describedLastTime) {
                Object buffer = tracked.dropped ? null : tracked.buffer.get();
                if (buffer != null) {
                    read.add(sample(tracked, buffer, now));
                }
            }
            return finish(read, lastUnread, now);
        }
        int slices = many && !readAll ? SLICES : 1;
        slice = (slice + 1) % slices;
        unread = new DeepestUnread(maxBuffers);
        int kept = 0;
        for (int i = 0; i < known.size(); i++) {
            TrackedBuffer tracked = known.get(i);
            if (tracked.dropped) {
                continue;
            }
            known.set(kept++, tracked);
            boolean lookAt = i % slices == slice || tracked.described || !tracked.visited;
            if (!lookAt || !readAll && !tracked.described && tracked.unmovedSinceSampled()) {
                if (lookAt) {
                    foundUnmoved(tracked, now);
                }
                if (tracked.sampledOnce) {
                    unread.offer(tracked);
                }
                continue;
            }
            tracked.visited = true;
            Object buffer = tracked.buffer.get();
            if (buffer == null || executorQueues.contains(buffer) || !tracked.worthReporting()) {
                continue;
            }
            if (readAll && !tracked.described && tracked.sampledOnce && holdsWhatItHeld(tracked, buffer)) {
                // The walk that reads them all is there to catch what the counts miss; one that
                // shows nothing new is ranked by its last reading, like any unmoved buffer, and
                // costs neither a sample nor a place in the sort.
                foundUnmoved(tracked, now);
                unread.offer(tracked);
                continue;
            }
            read.add(sample(tracked, buffer, now));
        }
        known.subList(kept, known.size()).clear();
        lastUnread = unread;
        return finish(read, unread, now);
    }

    /** Looked at and found as last read: its wait clock is told, and an empty one may give up its slot. */
    private void foundUnmoved(TrackedBuffer tracked, long now) {
        tracked.unmovedAtNanos = now;
        if (tracked.sampledDepth == 0) {
            registry.foundIdle(tracked);
        }
    }

    /** Ranks the buffers, reads the executors and the rest: the snapshot. */
    private Snapshot finish(List<BufferSample> read, DeepestUnread unread, long now) {
        BufferRanking ranking = rankBuffers(read, unread, now);
        List<ExecutorSample> executors = new ArrayList<>();
        for (TrackedExecutor tracked : registry.executors()) {
            ExecutorService executor = tracked.executor.get();
            // Shut down, an executor takes no more work and may have discarded its queue
            // (shutdownNow): it is no longer a buffer between a producer and a consumer.
            if (executor != null && !executor.isShutdown()) {
                executors.add(sample(tracked, executor, now));
            }
        }
        executors.sort(Comparator.comparingLong(ExecutorSample::queueDepth).reversed());
        int omitted = ranking.omitted;
        long omittedMax = ranking.omittedMax;
        long omittedTotal = ranking.omittedTotal;
        for (ExecutorSample s : executors.subList(Math.min(maxBuffers, executors.size()), executors.size())) {
            omitted++;
            omittedMax = Math.max(omittedMax, s.queueDepth());
            omittedTotal += s.queueDepth();
        }
        List<LaunchSample> launches = launches();
        List<IgnoredResultSite> ignored = registry.sites.activeIgnoredResults();
        return new Snapshot(System.nanoTime(), ranking.described,
                new ArrayList<>(executors.subList(0, Math.min(maxBuffers, executors.size()))), omitted, omittedMax,
                omittedTotal, new ArrayList<>(launches.subList(0, Math.min(maxBuffers, launches.size()))),
                new ArrayList<>(ignored.subList(0, Math.min(maxBuffers, ignored.size()))), memoryBuffers(),
                outbound());
    }

    /** The deepest {@code maxBuffers} buffers, read afresh, and what the rest add up to. */
    private record BufferRanking(List<BufferSample> described, int omitted, long omittedMax, long omittedTotal) {}

    /**
     * Ranks the buffers read this period together with the deepest unread ones by their last depth
     * (an unmoved buffer cannot have grown since); an unread one that ranks among the deepest is
     * read now, so everything described is fresh.
     */
    private BufferRanking rankBuffers(List<BufferSample> read, DeepestUnread unread, long now) {
        read.sort(Comparator.comparingLong(BufferSample::depth).reversed());
        List<TrackedBuffer> unmoved = unread.deepestFirst();
        for (TrackedBuffer t : describedLastTime) {
            t.described = false;
        }
        describedLastTime.clear();
        List<BufferSample> described = new ArrayList<>();
        int r = 0;
        int u = 0;
        while (described.size() < maxBuffers && (r < read.size() || u < unmoved.size())) {
            if (u == unmoved.size() || r < read.size() && read.get(r).depth() >= unmoved.get(u).sampledDepth) {
                described.add(read.get(r++));
            } else {
                TrackedBuffer t = unmoved.get(u++);
                Object buffer = t.buffer.get();
                if (buffer != null) {
                    described.add(sample(t, buffer, now));
                }
            }
        }
        described.sort(Comparator.comparingLong(BufferSample::depth).reversed());
        for (BufferSample s : described) {
            s.buffer().described = true;
            describedLastTime.add(s.buffer());
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
        return new BufferRanking(described, omitted, omittedMax, omittedTotal);
    }

    /** Live large in-memory buffers, largest first, at most maxBuffers. */
    private List<MemoryBufferSample> memoryBuffers() {
        List<MemoryBufferSample> samples = new ArrayList<>();
        for (TrackedMemoryBuffer tracked : registry.memoryBuffers()) {
            long size = tracked.sizeBytes();
            if (size >= 0) {
                samples.add(new MemoryBufferSample(tracked, size, tracked.capacityBytes()));
            }
        }
        samples.sort(Comparator.comparingLong(MemoryBufferSample::sizeBytes).reversed());
        return samples.subList(0, Math.min(maxBuffers, samples.size()));
    }

    /** Connection groups that backed up, most bytes pending first, at most maxBuffers. */
    private List<OutboundGroups.Reading> outbound() {
        List<OutboundGroups.Reading> readings = registry.outbound.read();
        readings.sort(Comparator.comparingLong((OutboundGroups.Reading r) -> r.counts().pending()).reversed());
        return readings.subList(0, Math.min(maxBuffers, readings.size()));
    }

    /** Every site that launched something, most in flight first. */
    /** Launching threads looked at per period, at most: each look is a stack walk of another thread. */
    private static final int LAUNCHER_LOOKS_PER_PERIOD = 16;

    private List<LaunchSample> launches() {
        List<LaunchSite> sites = registry.sites.activeLaunches();
        long[] inFlight = new long[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            LaunchSite site = sites.get(i);
            site.sweep();
            inFlight[i] = Math.max(0, site.launched() - site.completed());
        }
        // What the launchers wait on, at the sites with the most in flight first.
        int looks = 0;
        Integer[] order = new Integer[sites.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(inFlight[b], inFlight[a]));
        for (int i = 0; i < order.length && looks < LAUNCHER_LOOKS_PER_PERIOD && inFlight[order[i]] > 0; i++) {
            looks += lookAtLaunchers(sites.get(order[i]), LAUNCHER_LOOKS_PER_PERIOD - looks);
        }
        List<LaunchSample> launches = new ArrayList<>();
        for (int i : order) {
            LaunchSite site = sites.get(i);
            long launched = site.launched();
            long completed = Math.min(launched, site.completed());
            long now = launched - completed;
            launches.add(new LaunchSample(site, launched, completed, now, site.updatePeak(now), site.inFlightExact(),
                    site.launcherLooks(), site.launcherWaits()));
        }
        return launches;
    }

    private static int lookAtLaunchers(LaunchSite site, int allowed) {
        int looks = 0;
        for (Thread launcher : site.launchingThreads()) {
            if (looks == allowed) {
                break;
            }
            if (launcher != Thread.currentThread()) {
                site.lookedAtLauncher(LauncherWaits.waitsOnLimit(launcher.getStackTrace()));
                looks++;
            }
        }
        return looks;
    }

    private BufferSample sample(TrackedBuffer tracked, Object buffer, long now) {
        String type = tracked.type;
        boolean exact = QueueTypes.hasExactSize(type);
        boolean readBefore = tracked.sampledOnce;
        tracked.sampledOnce = true;
        if (tracked.counters == null) { // loaded before the agent: depth only
            long depth = LockFreeSizes.size((Collection<?>) buffer);
            boolean unchanged = readBefore && depth == tracked.sampledDepth;
            tracked.sampledDepth = depth;
            return new BufferSample(tracked, depth, true, capacity(buffer, depth), -1, -1, -1, false,
                    ArrivalMarks.UNKNOWN, unchanged);
        }
        if (tracked.unmovedAtNanos != 0) {
            tracked.arrivals.unmovedAt(tracked.unmovedAtNanos, tracked.sampledInserted);
            tracked.unmovedAtNanos = 0;
        }
        long inserted = tracked.counters.inserted;
        long removedCounted = tracked.counters.removed;
        long depth = exact ? LockFreeSizes.size((Collection<?>) buffer) : derivedDepth(tracked, inserted, removedCounted);
        if (!exact && depth > 0 && buffer instanceof Collection && QueueTypes.hasCheapEmptyCheck(buffer.getClass())
                && ((Collection<?>) buffer).isEmpty()) {
            // Empty, yet the counts say otherwise: elements left by a way the advice does not count.
            // Taken up as removals, so a queue drained that way is not mistaken for a growing one.
            inserted = tracked.counters.inserted;
            removedCounted = tracked.counters.removed;
            tracked.removalsNotSeen += derivedDepth(tracked, inserted, removedCounted);
            depth = 0;
        }
        long refused = tracked.counters.refused;
        boolean unchanged = readBefore && inserted == tracked.sampledInserted && removedCounted == tracked.sampledRemoved
                && depth == tracked.sampledDepth && refused == tracked.sampledRefused;
        tracked.sampledInserted = inserted;
        tracked.sampledRemoved = removedCounted;
        tracked.sampledDepth = depth;
        tracked.sampledRefused = refused;
        // Blocking queues with an exact size do not count removals (see QueueTypes): derive them.
        long removed = QueueTypes.removalsDerived(type) ? Math.max(0, inserted - depth)
                : removedCounted + tracked.removalsNotSeen;
        boolean delayed = buffer instanceof DelayQueue;
        return new BufferSample(tracked, depth, exact, capacity(buffer, depth), inserted, removed, refused, delayed,
                delayed ? overdueNanos((DelayQueue<?>) buffer) : tracked.arrivals.oldestWaitNanos(now, inserted, depth),
                unchanged);
    }

    /**
     * Whether a buffer whose counts have not moved still holds what it held at its last reading:
     * its exact size is the same, or (sizes derived from the counts) it is not found empty where
     * the counts say otherwise. Reads no more than a size or an emptiness check.
     */
    private static boolean holdsWhatItHeld(TrackedBuffer tracked, Object buffer) {
        if (!tracked.unmovedSinceSampled() || tracked.counters.refused != tracked.sampledRefused) {
            return false;
        }
        if (QueueTypes.hasExactSize(tracked.type)) {
            return LockFreeSizes.size((Collection<?>) buffer) == tracked.sampledDepth;
        }
        return tracked.sampledDepth == 0 || !(buffer instanceof Collection
                && QueueTypes.hasCheapEmptyCheck(buffer.getClass()) && ((Collection<?>) buffer).isEmpty());
    }

    private static long derivedDepth(TrackedBuffer tracked, long inserted, long removedCounted) {
        return Math.max(0, inserted - removedCounted - tracked.removalsNotSeen);
    }

    private static ExecutorSample sample(TrackedExecutor tracked, ExecutorService executor, long now) {
        if (executor instanceof ForkJoinPool) {
            ForkJoinPool pool = (ForkJoinPool) executor;
            long depth = pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount();
            return new ExecutorSample(tracked, pool.getPoolSize(), pool.getActiveThreadCount(), pool.getParallelism(),
                    depth, -1, tracked.counters.inserted, -1, tracked.counters.refused, pool == ForkJoinPool.commonPool(),
                    // forked subtasks queue beside submissions uncounted: no order to reason from
                    false, ArrivalMarks.UNKNOWN, "");
        }
        if (!(executor instanceof ThreadPoolExecutor)) {
            // Thread per task: no queue, no pool; the backlog is the tasks in flight.
            long started = tracked.counters.inserted;
            long completed = tracked.counters.removed;
            int inFlight = (int) Math.max(0, Math.min(Integer.MAX_VALUE, started - completed));
            return new ExecutorSample(tracked, inFlight, inFlight, -1, inFlight, -1, started, completed, 0, false, false,
                    0, "");
        }
        ThreadPoolExecutor tpe = (ThreadPoolExecutor) executor;
        BlockingQueue<Runnable> queue = tpe.getQueue();
        long depth = LockFreeSizes.size(queue);
        long submitted = tpe.getTaskCount();
        boolean scheduled = tpe instanceof ScheduledThreadPoolExecutor;
        return new ExecutorSample(tracked, tpe.getPoolSize(), tpe.getActiveCount(), tpe.getMaximumPoolSize(), depth,
                capacity(queue, depth), submitted, tpe.getCompletedTaskCount(), tracked.counters.refused, false,
                scheduled, scheduled ? overdueNanos(queue) : tracked.arrivals.oldestWaitNanos(now, submitted, depth),
                tpe.getRejectedExecutionHandler().getClass().getName()); // what becomes of a rejected task
    }

    /**
     * How late the next due task of a scheduled executor (or element of a DelayQueue) is. Such a
     * queue holds tasks waiting for their time (timeouts, periodic jobs, cancelled tasks kept until
     * their delay ends): only one past its time is waiting for a consumer.
     */
    private static long overdueNanos(BlockingQueue<?> queue) {
        Object next = queue.peek();
        return next instanceof Delayed ? Math.max(0, -((Delayed) next).getDelay(TimeUnit.NANOSECONDS)) : 0;
    }

    private static long capacity(Object buffer, long depth) {
        if (!(buffer instanceof BlockingQueue)) {
            return -1;
        }
        long bound = LockFreeSizes.bound(buffer);
        if (bound != LockFreeSizes.UNKNOWN) {
            return bound;
        }
        BlockingQueue<?> queue = (BlockingQueue<?>) buffer;
        long remaining = queue.remainingCapacity();
        long capacity = depth + remaining;
        // size() and remainingCapacity() are read at different moments, so an unbounded queue that
        // grows between them sums to a little under Integer.MAX_VALUE: any "bound" this large bounds
        // nothing, and is reported as unbounded.
        if (capacity >= UNBOUNDED_FROM) {
            return -1;
        }
        // A bounded queue in use sums to a little under its bound the same way (972 of 1,000): read
        // both again until the size held still around them, so the bound reported is the bound set.
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = queue.size();
            remaining = queue.remainingCapacity();
            if (queue.size() == before) {
                return before + remaining;
            }
        }
        return capacity;
    }
}
