package io.manometer.agent.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A start-up that creates and uses 100,000 small queues and keeps them (as a framework's registry
 * would: idle, but alive) and 10,000 executors (each runs a task and is shut down), then feeds one
 * unbounded queue about 20,000 elements a second while its
 * consumer takes about 3,000: the queue that matters arrives after the tracking table is full.
 * {@code StartupFloodWorkload SECONDS}; prints {@code lines F C}: the feeding and the creating line.
 */
public final class StartupFloodWorkload {
    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        List<LinkedBlockingQueue<Integer>> idle = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            LinkedBlockingQueue<Integer> q = new LinkedBlockingQueue<>();
            for (int j = 0; j < 100; j++) {
                q.offer(j);
            }
            while (q.poll() != null) {
                // drained: idle from now on
            }
            idle.add(q);
        }
        for (int i = 0; i < 10_000; i++) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            pool.submit(() -> { }).get();
            pool.shutdown();
        }
        int createLine = line(); LinkedBlockingQueue<byte[]> backlog = new LinkedBlockingQueue<>();
        Thread consumer = new Thread(() -> {
            try {
                while (true) {
                    backlog.take();
                    Thread.sleep(0, 300_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slow-consumer");
        consumer.setDaemon(true);
        consumer.start();
        int feedLine = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 20; i++) {
                feedLine = line(); backlog.offer(new byte[64]);
            }
            Thread.sleep(1);
        }
        System.out.println("lines " + feedLine + " " + createLine + " (" + idle.size() + " idle queues kept)");
    }

    private static int line() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber();
    }
}
