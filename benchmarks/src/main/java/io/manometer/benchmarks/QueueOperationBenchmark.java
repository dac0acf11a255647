package io.manometer.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The agent's per-element cost: one offer and one poll on a JDK queue, the hottest path it
 * instruments. Run with and without the agent by {@link AgentCostRunner}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueueOperationBenchmark {
    @Param({"ArrayBlockingQueue", "LinkedBlockingQueue"})
    public String queueType;

    private BlockingQueue<Integer> queue;
    private final Integer element = 42;

    @Setup(Level.Trial)
    public void createQueue() {
        queue = queueType.equals("ArrayBlockingQueue") ? new ArrayBlockingQueue<>(1024) : new LinkedBlockingQueue<>();
        for (int i = 0; i < 100; i++) {
            queue.offer(i); // past the agent's tracking threshold: measure the tracked path
            queue.poll();
        }
    }

    /** One thread: offer then poll, the pair the budget is stated for. */
    @Benchmark
    @Group("offerPoll")
    @GroupThreads(1)
    public Integer offerPoll() {
        queue.offer(element);
        return queue.poll();
    }

    /** Two threads sharing one queue, one producing, one consuming: shared counters must not contend. */
    @Benchmark
    @Group("producerConsumer")
    @GroupThreads(1)
    public boolean produce() {
        return queue.offer(element);
    }

    @Benchmark
    @Group("producerConsumer")
    @GroupThreads(1)
    public Integer consume() {
        return queue.poll();
    }
}
