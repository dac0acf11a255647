package com.example.shapes.packaging;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The fixed-pool overload, from an uber-jar that holds every library too. */
@Shape(buffer = "executor", behaviour = "continuous overload", expect = "executor-backlog",
        launch = Shape.Launch.SHADED_JAR, ci = true)
public final class ShadedPoolOverload {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> pool.submit(() -> Load.work(2)));
        Load.done("submitted");
    }
}
