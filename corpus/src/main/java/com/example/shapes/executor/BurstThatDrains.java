package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Every 3 s a burst of 3,000 short tasks, drained by two workers within a second. */
@Shape(buffer = "executor", behaviour = "burst that drains", ci = true)
public final class BurstThatDrains {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long deadline = Load.deadline(Load.seconds(args));
        while (Load.before(deadline)) {
            for (int i = 0; i < 3_000; i++) {
                pool.submit(() -> Load.work(0));
            }
            Load.work(3_000);
        }
        Load.done("bursts");
    }
}
