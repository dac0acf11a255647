package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ForkJoinPool;

/** A ForkJoinPool of two given blocking work faster than it runs it: its submission queue grows. */
@Shape(buffer = "executor", behaviour = "continuous overload", expect = {"executor-backlog", "queue-backlog"})
public final class ForkJoinOverload {
    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> pool.execute(() -> Load.work(2)));
        Load.done("executed");
    }
}
