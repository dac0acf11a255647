package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/** About 2,000 tasks always waiting, and tasks submitted exactly as fast as they complete. */
@Shape(buffer = "executor", behaviour = "steady high depth that keeps pace")
public final class SteadyHighDepth {
    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        long deadline = Load.deadline(Load.seconds(args));
        long submitted = 0;
        while (Load.before(deadline)) {
            while (submitted - pool.getCompletedTaskCount() < 2_000) {
                pool.submit(() -> Load.work(1));
                submitted++;
            }
            Load.work(5);
        }
        Load.done("kept pace");
    }
}
