package io.manometer.agent.tracking;

import io.manometer.agent.model.LaunchKind;

import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * One call site that launches asynchronous work (a {@code supplyAsync}, a {@code sendAsync}, a
 * {@code submit}, a thread start) and how much of what it launched is still in flight.
 *
 * <p>Completion is seen two ways. A {@link CompletableFuture} reports it: a completion action
 * counts it the moment it happens, and dies with the future, so the agent holds nothing per
 * launch (beyond the completion action itself, about 70 bytes on the future while it runs).
 * Threads and other futures cannot report it, so they are held weakly and the sampler looks at
 * them once per period. Either way at most {@link #MAX_WATCHED} are watched per site at a time
 * (and {@link #MAX_WATCHED_TOTAL} in all), past which in-flight is an upper bound (and marked so).
 */
public final class LaunchSite {
    static final int MAX_WATCHED = 100_000;
    /** Watched at once across all sites: many runaway sites together stay bounded too (~40 MB at most). */
    static final int MAX_WATCHED_TOTAL = 500_000;
    private static final AtomicInteger WATCHED_TOTAL = new AtomicInteger();
    /** Launches between two looks at which threads launch here. */
    private static final long RECHECK_MASK = 1023;

    private final LaunchKind declaredKind;
    /** Where, as a stack frame. */
    public final String frame;
    private final AtomicLong launched = new AtomicLong();
    private final LongAdder completed = new LongAdder();
    private final LongAdder unwatched = new LongAdder();
    private final BiConsumer<Object, Throwable> countCompletion = new CompletionCounter(this);
    private final AtomicReference<Watched> watched = new AtomicReference<>();
    private final AtomicInteger watchedCount = new AtomicInteger();
    final ThreadNames launchers = new ThreadNames();
    private final LaunchingThreads launchingThreads = new LaunchingThreads();
    /** Looks at a launching thread, and those that found it waiting on a limit; sampler thread only. */
    private long launcherLooks;
    private long launcherWaits;
    private volatile CallSite stack;
    private volatile boolean virtualThreads;
    /** Highest in-flight count the sampler has seen; written by the sampler thread only. */
    private long peakInFlight;

    /** Its number among the rewritten call sites. */
    public final int id;

    LaunchSite(int id, LaunchKind kind, String frame) {
        this.id = id;
        this.declaredKind = kind;
        this.frame = frame;
    }

    /**
     * The line to report: the rewritten call itself, unless it sits in a library and the captured
     * stack shows the application's line that led to it (the call is then that line's "via").
     */
    public String named() {
        CallSite s = stack;
        return s != null && s.application() ? s.site() : frame;
    }

    void launched(Object handle, CaptureBudget captures, int stackDepth) {
        long n = launched.incrementAndGet();
        if ((n & RECHECK_MASK) == 1 || stack == null) {
            launchers.add(Thread.currentThread().getName());
            launchingThreads.add(Thread.currentThread());
            if (stack == null && captures.tryAcquire()) {
                stack = StackCapture.capture(stackDepth);
            }
        }
        if (handle instanceof Future && ((Future<?>) handle).isDone()) {
            completed.increment(); // finished already (an inline executor): nothing to watch
            return;
        }
        if (watchedCount.get() >= MAX_WATCHED || WATCHED_TOTAL.get() >= MAX_WATCHED_TOTAL) {
            unwatched.increment(); // bounded: the agent's share of a runaway fan-out stays fixed
            return;
        }
        watchedCount.incrementAndGet();
        WATCHED_TOTAL.incrementAndGet();
        if (handle instanceof CompletableFuture) {
            ((CompletableFuture<?>) handle).whenComplete(countCompletion);
            return;
        }
        if (handle instanceof Thread && handle.getClass().getName().equals("java.lang.VirtualThread")) {
            virtualThreads = true;
        }
        Watched node = new Watched(handle);
        Watched head;
        do {
            head = watched.get();
            node.next = head;
        } while (!watched.compareAndSet(head, node));
    }

    /**
     * Counts the watched threads and futures that finished (or were collected, which only a
     * finished one can be: a running thread is always reachable). Sampler thread only.
     */
    public void sweep() {
        Watched list = watched.getAndSet(null);
        Watched keptHead = null;
        Watched keptTail = null;
        int finished = 0;
        for (Watched node = list; node != null; ) {
            Watched next = node.next;
            if (node.finished()) {
                finished++;
            } else {
                node.next = keptHead;
                keptHead = node;
                if (keptTail == null) {
                    keptTail = node;
                }
            }
            node = next;
        }
        if (finished > 0) {
            completed.add(finished);
            watchedCount.addAndGet(-finished);
            WATCHED_TOTAL.addAndGet(-finished);
        }
        if (keptHead != null) {
            Watched head;
            do {
                head = watched.get();
                keptTail.next = head;
            } while (!watched.compareAndSet(head, keptHead));
        }
    }

    public LaunchKind kind() {
        return declaredKind == LaunchKind.THREAD_START && virtualThreads ? LaunchKind.VIRTUAL_THREAD_START : declaredKind;
    }

    public long launched() {
        return launched.get();
    }

    public long completed() {
        return completed.sum();
    }

    /** Launched and not finished; launches past the watch limit count as not finished. */
    public long inFlight() {
        return Math.max(0, launched.get() - completed.sum());
    }

    /** False once launches went unwatched: in-flight is then an upper bound. */
    public boolean inFlightExact() {
        return unwatched.sum() == 0;
    }

    public long updatePeak(long inFlight) {
        peakInFlight = Math.max(peakInFlight, inFlight);
        return peakInFlight;
    }

    /** The launching threads still alive, for the sampler to look at. */
    public java.util.List<Thread> launchingThreads() {
        return launchingThreads.alive();
    }

    /** The sampler looked at a launching thread: was it waiting on a limit? Sampler thread only. */
    public void lookedAtLauncher(boolean waitingOnLimit) {
        launcherLooks++;
        launcherWaits += waitingOnLimit ? 1 : 0;
    }

    public long launcherLooks() {
        return launcherLooks;
    }

    public long launcherWaits() {
        return launcherWaits;
    }

    public String launchers() {
        return launchers.toString();
    }

    public CallSite stack() {
        CallSite s = stack;
        return s == null ? CallSite.UNKNOWN : s;
    }

    /** Not a lambda: the agent's classes avoid invokedynamic bootstraps on application threads. */
    private static final class CompletionCounter implements BiConsumer<Object, Throwable> {
        private final LaunchSite site;

        CompletionCounter(LaunchSite site) {
            this.site = site;
        }

        @Override
        public void accept(Object result, Throwable failure) {
            site.completed.increment();
            site.watchedCount.decrementAndGet();
            WATCHED_TOTAL.decrementAndGet();
        }
    }

    private static final class Watched extends WeakReference<Object> {
        Watched next;

        Watched(Object handle) {
            super(handle);
        }

        boolean finished() {
            Object handle = get();
            if (handle instanceof Thread) {
                Thread thread = (Thread) handle;
                // A thread counted before its start() ran is NEW, not finished.
                return thread.getState() == Thread.State.TERMINATED;
            }
            return handle == null || ((Future<?>) handle).isDone();
        }
    }
}
