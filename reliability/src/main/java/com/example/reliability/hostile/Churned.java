package com.example.reliability.hostile;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Loaded again by each of many class loaders, then dropped with it: its lines construct a queue and
 * an executor, so the agent rewrites this class and tracks what it makes. Nothing of the agent's
 * may keep the loader alive.
 */
public final class Churned implements Runnable {
    @Override
    public void run() {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        for (int i = 0; i < 200; i++) {
            queue.add(i);
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        for (int i = 0; i < 100; i++) {
            pool.execute(queue::poll);
        }
        pool.shutdown();
        try {
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
