package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.CompletableFuture;

/** The same rows, each awaited before the next: the loop goes at the pace of the work. */
@Shape(buffer = "executor", behaviour = "slow consumer behind a bound")
public final class CommonPoolJoinEach {
    public static void main(String[] args) throws Exception {
        Load.pace(Load.deadline(Load.seconds(args)), 1_000, i -> CompletableFuture.runAsync(() -> Load.work(2)).join());
        Load.done("launched");
    }
}
