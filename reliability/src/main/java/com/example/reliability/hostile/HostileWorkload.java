package com.example.reliability.hostile;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jdk.jfr.Recording;

/**
 * Workloads that attack an agent the way production does, at scale: {@code args[0]} names one,
 * {@code args[1]} its size. Every exception an operation throws is counted and printed: under the
 * agent the count must stay 0, and what is printed (its steps, not its timing) must be what a run
 * without the agent prints. The last line, {@code retained <bytes>}, is the heap kept after
 * collections once the workload's own objects are dropped: what the agent still holds shows there.
 */
public final class HostileWorkload {
    private static final AtomicLong FAULTS = new AtomicLong();
    private static final List<Object> KEPT = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        int size = Integer.parseInt(args[1]);
        switch (scenario) {
            case "contention" -> contention(size);
            case "churn" -> churn(size);
            case "loaders" -> loaders(size);
            case "recordings" -> recordings(size);
            case "virtual-threads" -> virtualThreads(size);
            default -> throw new IllegalArgumentException("no workload " + scenario);
        }
        System.out.println(scenario + " " + size + ": exceptions " + FAULTS.get());
        KEPT.clear();
        if (args.length > 2 && args[2].equals("rotate")) { // a new chunk: JFR's parsers let go of the last one's pools
            try (Recording r = new Recording()) {
                r.start();
                Thread.sleep(1500);
            }
            Thread.sleep(1500);
        }
        System.out.println("retained " + retainedBytes());
    }

    /** 64 threads: 32 on one queue, 32 on a queue each, and all on one executor. */
    private static void contention(int opsPerThread) throws Exception {
        LinkedBlockingQueue<Integer> shared = new LinkedBlockingQueue<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        List<Thread> threads = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        for (int t = 0; t < 64; t++) {
            boolean own = t % 2 == 1;
            threads.add(new Thread(() -> guarded(() -> {
                Queue<Integer> queue = own ? new ArrayBlockingQueue<>(1024) : shared;
                for (int i = 0; i < opsPerThread; i++) {
                    queue.offer(i);
                    queue.poll();
                    if (i % 64 == 0) {
                        pool.execute(done::incrementAndGet);
                    }
                }
            }), "contender-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        System.out.println("tasks run " + done.get() + ", shared queue left " + shared.size());
    }

    /** Queues of every kind made and dropped, every tenth used past the agent's tracking threshold; and executors. */
    private static void churn(int queues) throws Exception {
        List<Supplier<Queue<Integer>>> kinds = List.of(LinkedBlockingQueue::new, () -> new ArrayBlockingQueue<>(256),
                ConcurrentLinkedQueue::new, ArrayDeque::new, LinkedList::new, PriorityQueue::new);
        long sum = 0;
        for (int q = 0; q < queues; q++) {
            Queue<Integer> queue = kinds.get(q % kinds.size()).get();
            int inserts = q % 10 == 0 ? 100 : 3;
            for (int i = 0; i < inserts; i++) {
                queue.offer(i);
            }
            Integer head = queue.poll();
            sum += head == null ? 0 : head;
        }
        int executors = Math.max(1, queues / 10);
        for (int e = 0; e < executors; e++) {
            ExecutorService pool = e % 2 == 0 ? Executors.newSingleThreadExecutor() : Executors.newCachedThreadPool();
            CountDownLatch ran = new CountDownLatch(2);
            pool.execute(ran::countDown);
            pool.execute(ran::countDown);
            ran.await();
            pool.shutdown();
        }
        System.out.println("queues " + queues + " (heads summing " + sum + "), executors " + executors);
    }

    /** Loaders that each load {@link Churned} afresh, run it and are dropped: none may stay alive. */
    private static void loaders(int count) throws Exception {
        URL classes = Churned.class.getProtectionDomain().getCodeSource().getLocation();
        List<WeakReference<ClassLoader>> dropped = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
                Class<?> churned = loader.loadClass(Churned.class.getName());
                ((Runnable) churned.getDeclaredConstructor().newInstance()).run();
                dropped.add(new WeakReference<>(loader));
            } catch (ReflectiveOperationException | RuntimeException e) {
                FAULTS.incrementAndGet();
            }
        }
        long alive = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            Thread.sleep(100);
            alive = dropped.stream().filter(r -> r.get() != null).count();
            if (alive == 0) {
                break;
            }
        }
        System.out.println("loaders " + count + ", still alive after collection " + alive);
    }

    /** JFR recordings started and stopped again and again while a queue grows under an executor. */
    private static void recordings(int count) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        LinkedBlockingQueue<byte[]> growing = new LinkedBlockingQueue<>();
        KEPT.add(growing);
        for (int r = 0; r < count; r++) {
            try (Recording recording = new Recording()) {
                recording.enable("jdk.GCHeapSummary");
                recording.start();
                for (int i = 0; i < 200; i++) {
                    growing.add(new byte[64]);
                    pool.execute(() -> sleep(1));
                }
                Thread.sleep(20);
                recording.stop();
            } catch (RuntimeException e) {
                FAULTS.incrementAndGet();
            }
        }
        pool.shutdownNow();
        System.out.println("recordings " + count + ", queue " + growing.size());
    }

    /** Virtual threads, each through a queue, on a JDK that has them (21 and later), 10,000 at a time. */
    private static void virtualThreads(int count) throws Exception {
        if (Runtime.version().feature() < 21) {
            System.out.println("no virtual threads before JDK 21");
            return;
        }
        LinkedBlockingQueue<Integer> results = new LinkedBlockingQueue<>();
        ExecutorService perTask = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        // At most 10,000 at once (each sleeping one holds its stack on the heap): a million in all.
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(10_000);
        for (int i = 0; i < count; i++) {
            int n = i;
            inFlight.acquire();
            perTask.execute(() -> guarded(() -> {
                try {
                    sleep(1);
                    results.add(n % 3);
                } finally {
                    inFlight.release();
                }
            }));
        }
        perTask.shutdown();
        perTask.awaitTermination(10, TimeUnit.MINUTES);
        long sum = 0;
        for (Integer r : results) {
            sum += r;
        }
        System.out.println("virtual threads " + count + ", results " + results.size() + " summing " + sum);
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            FAULTS.incrementAndGet();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long retainedBytes() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
