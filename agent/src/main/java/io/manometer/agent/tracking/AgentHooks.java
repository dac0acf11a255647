package io.manometer.agent.tracking;

import io.manometer.agent.InjectedFault;
import io.manometer.agent.PartNotice;
import io.manometer.agent.bootstrap.BridgeHooks;
import io.manometer.agent.bootstrap.BufferCounters;
import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.model.OutboundTransport;
import io.manometer.agent.config.AgentOptions;
import io.manometer.agent.config.AgentOptions.Key;
import io.manometer.agent.model.QueueTypes;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The agent's side of the bridge: the slow paths that instrumented code takes at construction
 * and once per buffer when it becomes worth tracking. Never on the per-element path.
 */
public final class AgentHooks implements BridgeHooks {
    /** Inserts (or removals) between two looks at which threads use a tracked queue, at most. */
    static final long RECHECK = 4096;
    /** ... and at least: early on the looks come sooner, so a second thread is seen within moments. */
    private static final long FIRST_RECHECK = 64;
    /** Frames searched for the application's line under a network library's write path (Netty, gRPC). */
    private static final int DEEP_SEARCH = 96;
    private final TrackingRegistry registry;
    private final long trackAfter;
    private final int stackDepth;
    private final CaptureBudget captures;
    private final List<OutboundTransport> transports;

    /**
     * @param transports the connections the library integrations' advice reports, by their code
     */
    public AgentHooks(TrackingRegistry registry, AgentOptions options, List<OutboundTransport> transports) {
        this.registry = registry;
        this.transports = List.copyOf(transports);
        this.trackAfter = options.count(Key.TRACK_AFTER);
        this.stackDepth = options.count(Key.STACK_DEPTH);
        this.captures = new CaptureBudget(options.count(Key.SITE_CAPTURES_PER_SECOND));
    }

    private static final PartNotice HOOK_FAILED = new PartNotice(
            "the agent's advice failed; the application's call went on, and what it was to count is missed");

    @Override
    public void hookFailed(Throwable fault) {
        HOOK_FAILED.failed(fault);
    }

    /** The faults the reliability suite injects into every hook below that does work. */
    private static void injectedFaults() {
        InjectedFault.ADVICE.fireIfOn();
        InjectedFault.AGENT_OOM.fireIfOn();
    }

    /** Per thread: the rewritten construction site running now, or -1. */
    private static final ThreadLocal<int[]> CONSTRUCTING = new ThreadLocal<>() { // not a lambda: loaded in premain
        @Override
        protected int[] initialValue() {
            return new int[] {-1};
        }
    };

    @Override
    public void constructing(int site) {
        CONSTRUCTING.get()[0] = site;
    }

    /**
     * The creation site: the rewritten line constructing it when that is the application's (no stack
     * walk, no budget), else a captured stack while the budget lasts, else that line anyway.
     */
    @Override
    public BufferCounters bufferCreated(Object buffer) {
        injectedFaults();
        BufferCounters counters = new BufferCounters(trackAfter);
        CallSite marked = markedConstruction(buffer);
        if (marked != null && marked.application()) {
            counters.agentState = marked;
        } else if (captures.tryAcquire()) {
            CallSite created = StackCapture.capture(stackDepth, buffer.getClass());
            if (created.otherAgent()) {
                return new BufferCounters(Long.MAX_VALUE); // another agent's queue: never tracked
            }
            counters.agentState = created;
        } else {
            counters.agentState = marked;
        }
        return counters;
    }

    /** The site of the rewritten construction running on this thread, if it constructs this very class. */
    private CallSite markedConstruction(Object buffer) {
        int id = CONSTRUCTING.get()[0];
        ConstructionSite site = id < 0 ? null : registry.sites.construction(id);
        return site != null && site.type().equals(buffer.getClass().getName()) ? site.site() : null;
    }

    @Override
    public void bufferActive(Object buffer, BufferCounters counters) {
        injectedFaults();
        Object state;
        synchronized (counters) {
            if (counters.inserted < counters.trackAt) {
                return; // another producer got here first
            }
            state = counters.agentState;
            // Executors: the feeding line once it is named. Queues: look again after 64, 128, ... up to
            // RECHECK inserts, to see every thread that feeds them, for a fraction of a nanosecond per element.
            counters.trackAt = state instanceof TrackedExecutor && ((TrackedExecutor) state).producer() != CallSite.UNKNOWN
                    ? Long.MAX_VALUE : counters.inserted + recheckAfter(counters.inserted);
        }
        String thread = Thread.currentThread().getName();
        if (state instanceof TrackedBuffer) {
            TrackedBuffer tracked = (TrackedBuffer) state;
            tracked.producers.add(thread);
            if (tracked.producer() == CallSite.UNKNOWN) { // the budget was spent when it was tracked: again
                CallSite producer = captureIfBudget(buffer);
                if (producer != CallSite.UNKNOWN) {
                    tracked.producerSeen(producer, thread);
                }
            }
            return;
        }
        if (!(state instanceof TrackedExecutor) && StackCapture.fedByAnotherQueue(buffer)) {
            counters.trackAt = Long.MAX_VALUE; // another queue's storage: that queue is reported
            counters.removeAt = Long.MAX_VALUE;
            return;
        }
        CallSite producer = captureIfBudget(buffer);
        if (producer.otherAgent()) { // another agent feeds it: its queue, or its executor
            counters.trackAt = Long.MAX_VALUE;
            counters.removeAt = Long.MAX_VALUE;
            return;
        }
        if (state instanceof TrackedExecutor) {
            if (producer != CallSite.UNKNOWN || ((TrackedExecutor) state).producerThread().isEmpty()) {
                ((TrackedExecutor) state).producerSeen(producer, thread);
            }
            return;
        }
        CallSite created = state instanceof CallSite ? (CallSite) state : CallSite.UNKNOWN;
        TrackedBuffer tracked = registry.track(buffer, counters, created, producer, thread);
        if (tracked != null) {
            tracked.producers.add(thread);
            counters.agentState = tracked;
        }
    }

    /**
     * Elements until the next look: doubling from {@link #FIRST_RECHECK} to {@link #RECHECK}. A
     * queue used by a second thread (which makes a library's queue worth reporting) is seen after a
     * few hundred elements, and a busy one is still looked at only once per 4,096.
     */
    static long recheckAfter(long count) {
        return Math.max(FIRST_RECHECK, Math.min(RECHECK, count));
    }

    /**
     * The feeding line, if the capture budget allows one now; else unknown, and the next check
     * (RECHECK inserts later) tries again: a site missed in a start-up flood is not lost for good.
     */
    private CallSite captureIfBudget(Object buffer) {
        return captures.tryAcquire() ? StackCapture.capture(stackDepth, buffer.getClass()) : CallSite.UNKNOWN;
    }

    /**
     * Per thread, the large deque it last removed from (weakly: a dead deque must not stay reachable
     * from a pool thread). Removals are told every 16, and a thread already among a deque's consumers
     * goes back at the cost of a thread-local read, without the registry's lock.
     */
    private static final ThreadLocal<WeakReference<Object>> LAST_DRAINED = new ThreadLocal<>();

    @Override
    public void largeQueueUsed(Object queue, boolean insert) {
        WeakReference<Object> drained = insert ? null : LAST_DRAINED.get();
        if (drained != null && drained.get() == queue) {
            return;
        }
        TrackedBuffer tracked = registry.trackUncounted(queue,
                () -> StackCapture.fedByAnotherQueue(queue) || StackCapture.fromAnotherAgent());
        if (!insert) {
            if (tracked != null) {
                tracked.consumers.add(Thread.currentThread().getName());
            }
            LAST_DRAINED.set(new WeakReference<>(queue));
            return;
        }
        if (tracked == null) {
            return;
        }
        String thread = Thread.currentThread().getName();
        tracked.producers.add(thread);
        if (tracked.producer() == CallSite.UNKNOWN) { // first sight, or the budget was spent then
            CallSite producer = captureIfBudget(queue);
            if (producer != CallSite.UNKNOWN || !tracked.producerKnown()) {
                tracked.producerSeen(producer, thread);
            }
        }
    }

    @Override
    public void bufferDrained(Object buffer, BufferCounters counters) {
        injectedFaults();
        Object state;
        synchronized (counters) {
            if (counters.removed < counters.removeAt) {
                return;
            }
            counters.removeAt = counters.removed + recheckAfter(counters.removed);
            state = counters.agentState;
        }
        if (state instanceof TrackedBuffer) {
            ((TrackedBuffer) state).consumers.add(Thread.currentThread().getName());
        }
    }

    @Override
    public void asyncLaunched(Object handle, int site) {
        injectedFaults();
        LaunchSite launch = registry.sites.launch(site);
        if (launch != null && (handle instanceof java.util.concurrent.Future || handle instanceof Thread)) {
            launch.launched(handle, captures, stackDepth);
        }
    }

    @Override
    public void refusalIgnored(int site) {
        IgnoredResultSite ignored = registry.sites.ignoredResult(site);
        if (ignored != null) {
            ignored.refusedOnce(captures, stackDepth);
        }
    }

    @Override
    public void rejectionCaught(Object exception, int site) {
        IgnoredResultSite ignored = registry.sites.ignoredResult(site);
        if (ignored != null) {
            ignored.refusedOnce(captures, stackDepth);
            ignored.rejected(exception instanceof Throwable ? ((Throwable) exception).getMessage() : null);
        }
    }

    @Override
    public void memoryBufferGrew(Object buffer, long capacityBytes) {
        injectedFaults();
        java.util.function.Supplier<CallSite> writer =
                () -> captures.tryAcquire() ? StackCapture.capture(stackDepth) : CallSite.UNKNOWN;
        TrackedMemoryBuffer tracked = registry.memoryBuffer(buffer, writer);
        if (tracked != null) {
            tracked.grew(capacityBytes, writer); // its line, retried as a queue's producer line is
        }
    }

    /**
     * The writer's line is a stack walk within the capture budget: a slow network that backs up
     * thousands of connections at once costs a bounded number of walks, and the connections past
     * the budget share a group without a line, which the recording shows as not captured.
     */
    /** The transport advice named by {@code code}; null for one this agent does not know. */
    private OutboundTransport transportOf(int code) {
        for (OutboundTransport t : transports) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    @Override
    public OutboundCounters outboundBackedUp(Object buffer, int transport) {
        OutboundCounters counters = new OutboundCounters();
        OutboundTransport known = transportOf(transport);
        CallSite writer = captures.tryAcquire() ? StackCapture.captureDeep(stackDepth, DEEP_SEARCH) : CallSite.UNKNOWN;
        if (known != null && !writer.otherAgent()) {
            registry.outbound.add(buffer, known, writer, Thread.currentThread().getName(), counters);
        }
        return counters;
    }

    @Override
    public BufferCounters executorCreated(Object executor, Object workQueue) {
        injectedFaults();
        if (!(executor instanceof ExecutorService)) {
            return new BufferCounters(Long.MAX_VALUE);
        }
        // Executors are few and long-lived: their creation site is always worth a capture.
        return trackExecutor((ExecutorService) executor, workQueue,
                StackCapture.capture(stackDepth, executor.getClass()));
    }

    private BufferCounters trackExecutor(ExecutorService executor, Object workQueue, CallSite created) {
        if (created.otherAgent()) {
            return new BufferCounters(Long.MAX_VALUE); // another agent's executor: never tracked
        }
        if (created.stack().contains("java.lang.VirtualThread.") || isVirtualThreadScheduler(executor)) {
            // The JDK's virtual-thread scheduler: each virtual thread is resubmitted to it at every
            // mount, and what waits there are runnable threads, not the application's tasks.
            return new BufferCounters(Long.MAX_VALUE);
        }
        BufferCounters counters = new BufferCounters(trackAfter);
        counters.agentState = registry.track(executor, workQueue, created, counters);
        return counters;
    }

    /** The scheduler made before the agent, so without its creation stack: known by its carrier threads' factory. */
    private static boolean isVirtualThreadScheduler(ExecutorService executor) {
        return executor instanceof ForkJoinPool
                && ((ForkJoinPool) executor).getFactory().getClass().getName().startsWith("java.lang.VirtualThread");
    }

    @Override
    public BufferCounters countersKnown(Object buffer) {
        return registry.sideTable.get(buffer);
    }

    /**
     * Counters for a queue or executor of a class loaded before the agent. Made now, it is
     * registered as a new one would be; made before the agent, it has no creation site (it is
     * named where it is fed), and a queue whose depth is derived from its counts starts from the
     * elements it already holds.
     */
    @Override
    public BufferCounters adopt(Object buffer, boolean constructed) {
        BufferCounters counters;
        if (buffer instanceof ExecutorService) {
            Object workQueue = buffer instanceof ThreadPoolExecutor ? ((ThreadPoolExecutor) buffer).getQueue() : null;
            counters = constructed ? executorCreated(buffer, workQueue)
                    : trackExecutor((ExecutorService) buffer, workQueue, CallSite.UNKNOWN);
        } else if (constructed) {
            counters = bufferCreated(buffer);
        } else {
            counters = new BufferCounters(trackAfter);
            if (buffer instanceof Collection && !QueueTypes.hasExactSize(buffer.getClass().getName())) {
                counters.inserted = ((Collection<?>) buffer).size();
            }
        }
        return registry.sideTable.putIfAbsent(buffer, counters);
    }
}
