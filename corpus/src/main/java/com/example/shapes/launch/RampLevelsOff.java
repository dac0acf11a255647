package com.example.shapes.launch;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * 5,000 calls a second, each answered 3 s later: in flight climbs to 15,000 and levels off only
 * because every call takes the same time. Nothing limits it; the first slowdown multiplies it.
 */
@Shape(buffer = "async launch", behaviour = "ramp that levels off", expect = "unbounded-fan-out")
public final class RampLevelsOff {
    public static void main(String[] args) throws Exception {
        Executor later = CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000,
                i -> CompletableFuture.supplyAsync(() -> "answer " + i, later));
        Load.done("launched");
    }
}
