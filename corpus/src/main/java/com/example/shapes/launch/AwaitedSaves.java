package com.example.shapes.launch;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The same saves, each joined before the next row: the loop goes at the database's pace. */
@Shape(buffer = "async launch", behaviour = "slow consumer behind a bound")
public final class AwaitedSaves {
    public static void main(String[] args) throws Exception {
        ExecutorService db = Executors.newFixedThreadPool(2);
        Load.pace(Load.deadline(Load.seconds(args)), 3_000,
                i -> CompletableFuture.runAsync(() -> Load.work(2), db).join());
        Load.done("launched");
    }
}
