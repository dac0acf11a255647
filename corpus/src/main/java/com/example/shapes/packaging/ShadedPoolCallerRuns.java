package com.example.shapes.packaging;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The bounded, caller-runs twin, from the same uber-jar. */
@Shape(buffer = "executor", behaviour = "slow consumer behind a bound", launch = Shape.Launch.SHADED_JAR,
        ci = true)
public final class ShadedPoolCallerRuns {
    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(500),
                new ThreadPoolExecutor.CallerRunsPolicy());
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> pool.submit(() -> Load.work(2)));
        Load.done("submitted");
    }
}
