package com.example.shapes.launch;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** 100 calls a second, each answered 200 ms later: about 20 in flight, steady. */
@Shape(buffer = "async launch", behaviour = "steady high depth that keeps pace")
public final class RampLevelsOffSmall {
    public static void main(String[] args) throws Exception {
        Executor later = CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS);
        Load.pace(Load.deadline(Load.seconds(args)), 100,
                i -> CompletableFuture.supplyAsync(() -> "answer " + i, later));
        Load.done("launched");
    }
}
