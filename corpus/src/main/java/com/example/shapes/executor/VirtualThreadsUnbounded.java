package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A virtual thread per call, 3,000 calls a second to a dependency that keeps each one 20 s. */
@Shape(buffer = "executor", behaviour = "continuous overload", expect = "unbounded-fan-out", minJdk = 21)
public final class VirtualThreadsUnbounded {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        Load.pace(Load.deadline(Load.seconds(args)), 3_000, i -> pool.submit(() -> Load.work(20_000)));
        Load.done("submitted");
    }
}
