package io.manometer.benchmarks;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The agent's cost per task handed to a ThreadPoolExecutor (whose work queue it also instruments). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecutorBenchmark {
    private ThreadPoolExecutor executor;
    private final Runnable task = () -> { };

    @Setup(Level.Trial)
    public void start() {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }

    @TearDown(Level.Trial)
    public void stop() {
        executor.shutdownNow();
    }

    @Benchmark
    public void execute() throws InterruptedException {
        executor.execute(task);
        // Keep the backlog bounded so the measurement is of execute(), not of a growing queue.
        while (executor.getQueue().size() > 10_000) {
            Thread.onSpinWait();
        }
    }
}
