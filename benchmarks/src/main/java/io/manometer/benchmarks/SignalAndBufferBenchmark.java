package io.manometer.benchmarks;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The agent's cost on the paths of the fan-out, ignored-signal and byte-buffer watching, each at
 * its cheapest (so the agent's share is largest). Run with and without the agent by {@link AgentCostRunner}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignalAndBufferBenchmark {
    private static final Executor DIRECT = Runnable::run;
    private static final Supplier<Integer> ANSWER = () -> 42;

    private final ByteArrayOutputStream small = new ByteArrayOutputStream(256);
    private final byte[] chunk = new byte[64];
    private final java.io.StringWriter text = new java.io.StringWriter();
    private final ArrayBlockingQueue<Integer> full = fullQueue();
    private final Integer element = 7;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    private static ArrayBlockingQueue<Integer> fullQueue() {
        ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(1);
        queue.add(1);
        return queue;
    }

    /** A 64-byte write into a small ByteArrayOutputStream: the advice compares the array's length. */
    @Benchmark
    public int byteArrayOutputStreamWrite() {
        small.reset();
        small.write(chunk, 0, chunk.length);
        return small.size();
    }

    /** A 16-char write into a small StringWriter: one racy increment, a length read one write in 256. */
    @Benchmark
    public int stringWriterWrite() {
        StringBuffer buffer = text.getBuffer();
        if (buffer.length() > 4096) {
            buffer.setLength(0);
        }
        text.write("sixteen chars...");
        return buffer.length();
    }

    /**
     * An async launch completed inline by a direct executor: the launch site hands the future to
     * the agent, which counts it and adds a completion action. Real launches hand work to another
     * thread and cost microseconds; this is the bound from below.
     */
    @Benchmark
    public Integer completableFutureLaunch() {
        return CompletableFuture.supplyAsync(ANSWER, DIRECT).join();
    }

    /** The same launch handed to a pool thread, as launches really are: the agent's share of a real hand-off. */
    @Benchmark
    public Integer completableFutureLaunchToPool() {
        return CompletableFuture.supplyAsync(ANSWER, pool).join();
    }

    @TearDown
    public void stopPool() {
        pool.shutdownNow();
    }

    /** An offer whose result is discarded, accepted: the rewritten pop is one branch. */
    @Benchmark
    public Integer offerResultDiscarded() {
        full.poll();
        full.offer(element);
        return full.peek();
    }
}
