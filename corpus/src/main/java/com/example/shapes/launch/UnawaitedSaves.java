package com.example.shapes.launch;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** runAsync(save) per row on a pool of two, never awaited: launches outrun saves without end. */
@Shape(buffer = "async launch", behaviour = "continuous overload", expect = {"unbounded-fan-out", "executor-backlog"})
public final class UnawaitedSaves {
    public static void main(String[] args) throws Exception {
        ExecutorService db = Executors.newFixedThreadPool(2);
        Load.pace(Load.deadline(Load.seconds(args)), 3_000, i -> CompletableFuture.runAsync(() -> Load.work(2), db));
        Load.done("launched");
    }
}
