package io.manometer.agent.it;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Two bounded pipelines side by side. In one the consumer dies after a second (an exception it
 * does not catch), so its producer waits in {@code put} for ever: a stall. In the other the
 * consumer is only slow, so its producer waits now and then: backpressure at work.
 * {@code StalledConsumerWorkload SECONDS}; prints {@code lines S H}: the two queues' creating lines.
 */
public final class StalledConsumerWorkload {
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
        Thread.sleep(seconds * 1000);
        System.out.println("lines " + stalledLine + " " + healthyLine);
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

    private static int line() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber();
    }
}
