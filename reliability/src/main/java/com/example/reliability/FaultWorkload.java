package com.example.reliability;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Touches every part of the agent at once, in a fixed number of steps: a pool whose queue fills (so
 * the live judge alerts, and dumps once the heap kept passes the run's {@code dump.heap.percent}), a
 * plain queue, async launches and an in-memory buffer. What it prints depends on its steps alone, never on timing: a run under the agent, with any
 * fault injected, must print exactly what a run without it prints.
 */
public final class FaultWorkload {
    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 7_000;
        int holdSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(1);
        LinkedBlockingQueue<byte[]> backlog = new LinkedBlockingQueue<>();
        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        List<CompletableFuture<Integer>> launched = new ArrayList<>();
        AtomicLong worked = new AtomicLong();
        long checksum = 0;
        for (int i = 0; i < steps; i++) {
            byte[] item = new byte[6144];
            item[0] = (byte) i;
            pool.submit(() -> {
                sleepMillis(3); // slower than the producer: the pool's queue climbs
                worked.incrementAndGet();
            });
            backlog.add(item);
            if (i % 2 == 0) {
                backlog.poll();
            }
            journal.write(item, 0, 64);
            if (i % 100 == 0) {
                int n = i;
                launched.add(CompletableFuture.supplyAsync(() -> n % 7));
            }
            checksum += item[0];
            sleepMillis(1); // about 9 s in all
        }
        // The pool's queue goes on climbing (tasks that change no figure printed) until the verdict.
        LiveVerdict.growUntilCritical(holdSeconds, () -> pool.submit(() -> sleepMillis(3)), 1_000);
        int launchedSum = 0;
        for (CompletableFuture<Integer> f : launched) {
            launchedSum += f.join();
        }
        pool.shutdownNow();
        System.out.println("steps " + steps + ", checksum " + checksum + ", journal " + journal.size()
                + " bytes, backlog " + backlog.size() + ", launches " + launched.size() + " summing " + launchedSum);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
