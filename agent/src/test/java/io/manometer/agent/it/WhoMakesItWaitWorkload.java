package io.manometer.agent.it;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Four shapes side by side, two that only look like backpressure and two that are:
 * <ul>
 *   <li>a bounded queue whose consumer dies after a second (an exception it does not catch), so
 *       its producer waits in {@code put} for ever: a stall;</li>
 *   <li>a bounded queue whose consumer is only slow: backpressure at work;</li>
 *   <li>launches at a steady 3,000/s of work that takes four seconds each: in flight levels off
 *       at 12,000 only because each takes the same time, and nothing limits it;</li>
 *   <li>the same work launched under a {@code Semaphore} of 32: a limit;</li>
 *   <li>a submitter that catches the rejection of a saturated pool, backs off and submits the same
 *       task again (its handler only sleeps: it looks like it drops the task) and one that drops it.</li>
 * </ul>
 * {@code WhoMakesItWaitWorkload SECONDS}; prints {@code lines S H P L R D}: the two queues'
 * creating lines, the two launching lines, the retrying and the dropping handler's lines.
 */
public final class WhoMakesItWaitWorkload {
    /** Runs each task four seconds after it was handed over, in order: a dependency that always takes 4 s. */
    private static final Executor FOUR_SECONDS = fixedDelay(4_000_000_000L);
    private static final Executor FIFTY_MILLIS = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);
    private static final int[] LAUNCH_LINES = new int[2];
    private static final int[] HANDLER_LINES = new int[2];

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        int stalledLine = line(); BlockingQueue<byte[]> stalled = new ArrayBlockingQueue<>(500);
        int healthyLine = line(); BlockingQueue<byte[]> healthy = new ArrayBlockingQueue<>(500);
        long consumerDiesAt = System.nanoTime() + 1_000_000_000L;
        start("dying-consumer", () -> {
            while (true) {
                stalled.take();
                LockSupport.parkNanos(200_000);
                if (System.nanoTime() > consumerDiesAt) {
                    throw new IllegalStateException("consumer failed on a bad record");
                }
            }
        });
        start("slow-consumer", () -> {
            while (true) {
                healthy.take();
                LockSupport.parkNanos(200_000);
            }
        });
        start("stalled-producer", () -> {
            while (true) {
                stalled.put(new byte[64]);
            }
        });
        start("healthy-producer", () -> {
            while (true) {
                healthy.put(new byte[64]);
            }
        });
        start("paced-launcher", () -> {
            long started = System.nanoTime();
            for (long launched = 0; ; Thread.sleep(1)) {
                long due = (System.nanoTime() - started) * 3 / 1_000_000; // 3,000 a second, by the clock
                for (; launched < due; launched++) {
                    if (launched == 0) LAUNCH_LINES[0] = line(); CompletableFuture.supplyAsync(() -> 1, FOUR_SECONDS);
                }
            }
        });
        Semaphore permits = new Semaphore(32);
        start("limited-launcher", () -> {
            while (true) {
                permits.acquire();
                LAUNCH_LINES[1] = line(); CompletableFuture.supplyAsync(() -> 1, FIFTY_MILLIS)
                        .whenComplete((r, e) -> permits.release());
            }
        });
        ThreadPoolExecutor retried = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                WhoMakesItWaitWorkload::daemon);
        start("retrying-submitter", () -> {
            for (long n = 0; ; n++) {
                long item = n;
                Runnable job = () -> LockSupport.parkNanos(2_000_000 + item % 2);
                while (true) {
                    try {
                        retried.execute(job);
                        break;
                    } catch (RejectedExecutionException e) { HANDLER_LINES[0] = line(); Thread.sleep(1); }
                }
            }
        });
        ThreadPoolExecutor dropped = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                WhoMakesItWaitWorkload::daemon);
        start("dropping-submitter", () -> {
            for (long n = 0; ; n++) {
                long item = n; // each task its own: a dropping loop moves on to the next item
                try {
                    dropped.execute(() -> LockSupport.parkNanos(2_000_000 + item % 2));
                } catch (RejectedExecutionException e) { HANDLER_LINES[1] = line(); }
                Thread.sleep(1);
            }
        });
        Thread.sleep(seconds * 1000);
        System.out.println("lines " + stalledLine + " " + healthyLine + " " + LAUNCH_LINES[0] + " " + LAUNCH_LINES[1]
                + " " + HANDLER_LINES[0] + " " + HANDLER_LINES[1]);
    }

    private interface Loop {
        void run() throws InterruptedException;
    }

    private static void start(String name, Loop loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> System.out.println(t.getName() + " died: " + e.getMessage()));
        thread.start();
    }

    /** Cheaper than a scheduled executor (one FIFO, one thread): it keeps up on a busy two-core machine. */
    private static Executor fixedDelay(long nanos) {
        BlockingQueue<Object[]> pending = new java.util.concurrent.LinkedBlockingQueue<>();
        start("fixed-delay", () -> {
            while (true) {
                Object[] next = pending.take();
                long wait = (Long) next[0] - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                ((Runnable) next[1]).run();
            }
        });
        return task -> pending.add(new Object[] {System.nanoTime() + nanos, task});
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "pool-worker");
        thread.setDaemon(true);
        return thread;
    }

    private static int line() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber();
    }
}
