package io.manometer.analyzer.reading;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * The worker pools JFR saw, from the JDK's events alone: which threads work for each pool (named
 * as pools name them, {@code pool-1-thread-3}), when they waited for work ({@code jdk.ThreadPark}
 * in the pool's take), what they were doing when they did not, and which line of the application
 * started them. A pool whose workers never wait while a backlog grows cannot keep up.
 */
public final class WorkerPools {
    /** Pools kept apart at most. */
    static final int MAX_POOLS = 64;
    /** Names kept per pool at most: enough to say how many workers were seen. */
    static final int MAX_WORKERS = 1024;

    /**
     * A pool implementation, known by the frames of its worker loop: where a worker runs tasks,
     * where it waits for the next, and where the pool starts a worker.
     */
    enum Kind {
        /** The JDK's, its scheduled subclass, and the copies libraries keep (Tomcat's): known by simple name. */
        THREAD_POOL_EXECUTOR(".ThreadPoolExecutor", "runWorker", "getTask", "addWorker"),
        FORK_JOIN_POOL("java.util.concurrent.ForkJoinPool", "runWorker", "awaitWork", "createWorker"),
        JETTY_QUEUED_THREAD_POOL("org.eclipse.jetty.util.thread.QueuedThreadPool", "run", "idleJobPoll", "startThread");

        final String type;
        final String loop;
        final String waitForWork;
        final String startWorker;

        Kind(String type, String loop, String waitForWork, String startWorker) {
            this.type = type;
            this.loop = loop;
            this.waitForWork = waitForWork;
            this.startWorker = startWorker;
        }

        /**
         * Whether {@code frameType} is this pool's class or one of its nested classes (Jetty's
         * Runner); a type starting with a dot is a simple name, in any package.
         */
        boolean owns(String frameType) {
            String outer = frameType.indexOf('$') < 0 ? frameType : frameType.substring(0, frameType.indexOf('$'));
            return type.startsWith(".") ? outer.endsWith(type) : outer.equals(type);
        }

        /**
         * The pool whose {@code which} method is among {@code frames}, read with {@code type} and
         * {@code method}: the method's name is compared first, as it is read per frame of every
         * sample and a class name only where a name matches.
         */
        static <F> Kind of(List<F> frames, Function<F, String> type, Function<F, String> method,
                           Function<Kind, String> which) {
            for (F frame : frames) {
                String name = method.apply(frame);
                for (Kind kind : values()) {
                    if (name != null && name.equals(which.apply(kind))) {
                        String frameType = type.apply(frame);
                        if (frameType != null && kind.owns(frameType)) {
                            return kind;
                        }
                    }
                }
            }
            return null;
        }

        static Kind of(RecordedStackTrace stack, Function<Kind, String> which) {
            return of(stack.getFrames(), f -> f.getMethod().getType().getName(),
                    f -> f.isJavaFrame() ? f.getMethod().getName() : null, which);
        }
    }

    /** One pool: its workers by name, their waits for work, what they did instead, who started them. */
    public static final class Pool {
        final String name;
        final Kind kind;
        final Set<String> workers = new LinkedHashSet<>();
        /** Waits for work seen (each at least the park threshold), and when the last of them ended. */
        long waits;
        long lastWaitEndNanos = Long.MIN_VALUE;
        /** Where the workers were seen busy (the application frame of any other sampled event). */
        final SiteTally busy = new SiteTally();
        /** The lines whose calls made the pool start its workers (the first submits). */
        final SiteTally starters = new SiteTally();
        long firstSeenNanos = Long.MAX_VALUE;
        long lastBusyNanos = Long.MIN_VALUE;

        Pool(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        /** The workers' name without its number: {@code pool-1-thread-}. */
        public String name() {
            return name;
        }

        /** The pool's class, or its simple name where its forks share it. */
        public String type() {
            return kind.type.startsWith(".") ? kind.type.substring(1) : kind.type;
        }

        public int workersSeen() {
            return workers.size();
        }

        /** When the first of its events was recorded, in epoch nanoseconds. */
        public long firstSeenNanos() {
            return firstSeenNanos;
        }

        /** Whether a worker was still waiting for work (at least the park threshold) at or after {@code epochNanos}. */
        public boolean waitedSince(long epochNanos) {
            return lastWaitEndNanos >= epochNanos;
        }

        /** Whether a worker was seen doing something else than waiting for work at or after {@code epochNanos}. */
        public boolean busySince(long epochNanos) {
            return lastBusyNanos >= epochNanos;
        }

        public long waits() {
            return waits;
        }

        public SiteTally busy() {
            return busy;
        }

        public SiteTally starters() {
            return starters;
        }

        void absorb(Pool later) {
            later.workers.forEach(this::worker);
            waits += later.waits;
            lastWaitEndNanos = Math.max(lastWaitEndNanos, later.lastWaitEndNanos);
            busy.absorb(later.busy);
            starters.absorb(later.starters);
            firstSeenNanos = Math.min(firstSeenNanos, later.firstSeenNanos);
            lastBusyNanos = Math.max(lastBusyNanos, later.lastBusyNanos);
        }

        private void worker(String thread) {
            if (workers.size() < MAX_WORKERS) {
                workers.add(thread);
            }
        }
    }

    private final Map<String, Pool> pools = new LinkedHashMap<>();

    /** The pool whose start method is on a thread's starting stack: the thread is its worker. */
    static Kind startedBy(RecordedStackTrace stack) {
        return Kind.of(stack, k -> k.startWorker);
    }

    /** The pool whose worker loop is on a sampled stack, or null for a thread of no known pool. */
    static Kind workerOf(RecordedStackTrace stack) {
        return Kind.of(stack, k -> k.loop);
    }

    /** Whether a worker of {@code kind} was waiting for its next task: its pool's take is on the stack. */
    static boolean waitingForWork(RecordedStackTrace stack, Kind kind) {
        return Kind.of(stack, k -> k.waitForWork) == kind;
    }

    /** A worker started, by the code at {@code site} (a submit that made the pool start it). */
    void started(String thread, Kind kind, long epochNanos, String site, Supplier<String> stack) {
        Pool pool = pool(thread, kind, epochNanos);
        if (pool != null) {
            pool.starters.add(site, stack, 1);
        }
    }

    /** A worker waited for work from {@code startNanos} to {@code endNanos}. */
    void waited(String thread, Kind kind, long startNanos, long endNanos) {
        Pool pool = pool(thread, kind, startNanos);
        if (pool != null) {
            pool.waits++;
            pool.lastWaitEndNanos = Math.max(pool.lastWaitEndNanos, endNanos);
        }
    }

    /** A worker was seen doing something else than waiting for work, at {@code site}. */
    void busy(String thread, Kind kind, long epochNanos, String site, Supplier<String> stack) {
        Pool pool = pool(thread, kind, epochNanos);
        if (pool != null) {
            pool.busy.add(site, stack, 1);
            pool.lastBusyNanos = Math.max(pool.lastBusyNanos, epochNanos);
        }
    }

    /** The pool {@code thread} works for, by its name without the number, with the thread counted; null past the cap. */
    private Pool pool(String thread, Kind kind, long epochNanos) {
        if (thread == null) {
            return null;
        }
        String name = thread.replaceFirst("\\d+$", "");
        Pool pool = pools.get(name);
        if (pool == null) {
            if (pools.size() >= MAX_POOLS) {
                return null;
            }
            pool = new Pool(name, kind);
            pools.put(name, pool);
        }
        pool.firstSeenNanos = Math.min(pool.firstSeenNanos, epochNanos);
        pool.worker(thread);
        return pool;
    }

    /** A thread dump: each pool's workers waiting for work at that moment, or busy at a line. */
    void dumped(String dump, long epochNanos) {
        for (ThreadDumps.DumpedThread thread : ThreadDumps.parse(dump)) {
            Kind kind = Kind.of(thread.frames(), ThreadDumps.Frame::type, ThreadDumps.Frame::method, k -> k.loop);
            if (kind == null) {
                continue;
            }
            if (Kind.of(thread.frames(), ThreadDumps.Frame::type, ThreadDumps.Frame::method, k -> k.waitForWork) == kind) {
                waited(thread.name(), kind, epochNanos, epochNanos);
            } else {
                busy(thread.name(), kind, epochNanos, ThreadDumps.applicationFrame(thread.frames()),
                        () -> ThreadDumps.format(thread.frames()));
            }
        }
    }

    void absorb(WorkerPools later) {
        later.pools.forEach((name, part) -> {
            Pool mine = pools.get(name);
            if (mine != null) {
                mine.absorb(part);
            } else if (pools.size() < MAX_POOLS) {
                pools.put(name, part);
            }
        });
    }

    public Collection<Pool> all() {
        return List.copyOf(pools.values());
    }
}
