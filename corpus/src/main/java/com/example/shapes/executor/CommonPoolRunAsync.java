package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.CompletableFuture;

/**
 * runAsync per row on the common pool, never awaited (the for-await without the await), each save
 * taking 2 s: a backlog in the common pool, or, on two cores, where the pool starts a thread per
 * task, 2,000 threads.
 */
@Shape(buffer = "executor", behaviour = "continuous overload", expect = {"unbounded-fan-out", "executor-backlog",
        "thread-growth"})
public final class CommonPoolRunAsync {
    public static void main(String[] args) throws Exception {
        Load.pace(Load.deadline(Load.seconds(args)), 1_000, i -> CompletableFuture.runAsync(() -> Load.work(2_000)));
        Load.done("launched");
    }
}
