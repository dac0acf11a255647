package io.manometer.benchmarks;

import java.util.ArrayDeque;
import java.util.LinkedList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the agent costs code that makes many small, short-lived queues: a local work list in a
 * loop, a queue per request. Neither reaches the tracking threshold.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShortLivedQueueBenchmark {
    private final Integer element = 3;

    /** ArrayDeque is loaded before any agent: retransformed, no counters, a size check per operation. */
    @Benchmark
    public int localArrayDeque() {
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < 16; i++) {
            work.addLast(element);
        }
        int sum = 0;
        while (!work.isEmpty()) {
            sum += work.pollFirst();
        }
        return sum;
    }

    /** LinkedList, loaded before any agent too: a size check per link and unlink. */
    @Benchmark
    public int localLinkedList() {
        LinkedList<Integer> work = new LinkedList<>();
        for (int i = 0; i < 16; i++) {
            work.add(element);
        }
        int sum = 0;
        for (Integer e = work.poll(); e != null; e = work.poll()) {
            sum += e;
        }
        return sum;
    }

    /** A queue class loaded after the agent: a counters object per instance, made at construction. */
    @Benchmark
    public int shortLivedBlockingQueue() {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        for (int i = 0; i < 16; i++) {
            queue.offer(element);
        }
        int sum = 0;
        for (Integer e = queue.poll(); e != null; e = queue.poll()) {
            sum += e;
        }
        return sum;
    }
}
