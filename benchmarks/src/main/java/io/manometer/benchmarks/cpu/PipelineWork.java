package io.manometer.benchmarks.cpu;

import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed amount of work through the seed's pipeline: one producer {@code put}s into an
 * {@code ArrayBlockingQueue(1024)}, one consumer {@code take}s. Prints the process CPU time, in
 * nanoseconds per element, spent on the elements after the warm-up ones.
 *
 * <p>{@code PipelineWork [MILLION_ELEMENTS] [MILLION_WARMUP]}
 */
public final class PipelineWork {
    private PipelineWork() {}

    public static void main(String[] args) throws InterruptedException {
        long elements = (args.length > 0 ? Long.parseLong(args[0]) : 20) * 1_000_000L;
        long warmup = (args.length > 1 ? Long.parseLong(args[1]) : 5) * 1_000_000L;
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(1024);
        long[] cpuAtWarm = new long[1];
        Thread consumer = new Thread(() -> {
            long sum = 0;
            try {
                for (long i = 0; i < warmup + elements; i++) {
                    if (i == warmup) {
                        cpuAtWarm[0] = ProcessCpu.nanos();
                    }
                    sum += queue.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (sum == 42) {
                System.out.println("(unlikely)");
            }
        }, "consumer");
        consumer.start();
        Integer element = 1;
        for (long i = 0; i < warmup + elements; i++) {
            queue.put(element);
        }
        consumer.join();
        System.out.printf(Locale.ROOT, "%.2f%n", (ProcessCpu.nanos() - cpuAtWarm[0]) / (double) elements);
    }
}
