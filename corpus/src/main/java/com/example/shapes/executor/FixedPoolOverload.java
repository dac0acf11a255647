package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Rows submitted at 5,000/s to two workers that manage 1,000/s; the pool's queue has no bound. */
@Shape(buffer = "executor", behaviour = "continuous overload", expect = "executor-backlog")
public final class FixedPoolOverload {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> pool.submit(() -> Load.work(2)));
        Load.done("submitted");
    }
}
