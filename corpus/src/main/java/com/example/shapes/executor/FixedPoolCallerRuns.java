package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The same load into a bounded queue whose policy runs the task on the submitter: it waits. */
@Shape(buffer = "executor", behaviour = "slow consumer behind a bound")
public final class FixedPoolCallerRuns {
    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(500),
                new ThreadPoolExecutor.CallerRunsPolicy());
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> pool.submit(() -> Load.work(2)));
        Load.done("submitted");
    }
}
