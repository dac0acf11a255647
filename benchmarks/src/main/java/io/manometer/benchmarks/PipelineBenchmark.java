package io.manometer.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A producer thread hands elements to a consumer thread through a bounded queue, the shape of
 * every pipeline stage: its throughput with the agent should be that without (target: 99 %).
 * Timed offer and poll keep either side from hanging at an iteration's end.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineBenchmark {
    private BlockingQueue<Integer> queue;
    private final Integer element = 7;

    @Setup(Level.Iteration)
    public void createQueue() {
        queue = new ArrayBlockingQueue<>(1024);
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public boolean produce() throws InterruptedException {
        return queue.offer(element, 1, TimeUnit.MILLISECONDS);
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public Integer consume() throws InterruptedException {
        return queue.poll(1, TimeUnit.MILLISECONDS);
    }
}
