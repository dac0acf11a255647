package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;

/** A scheduled pool used as a work queue: tasks due now, faster than its two threads run them. */
@Shape(buffer = "executor", behaviour = "continuous overload", expect = "executor-backlog", ci = true)
public final class ScheduledPoolOverload {
    public static void main(String[] args) throws Exception {
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> pool.execute(() -> Load.work(2)));
        Load.done("executed");
    }
}
