package com.example.shapes.executor;

import com.example.shapes.Load;
import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import io.manometer.corpus.Shape;
import java.util.concurrent.Executors;

/**
 * A cached pool behind Guava's decorator, given 400 calls a second that each hold a thread for
 * 4 s: the threads climb to 1,600 and level off only because every call takes the same time.
 */
@Shape(buffer = "executor", behaviour = "thread per task", expect = {"unbounded-fan-out", "executor-backlog",
        "thread-growth"}, ci = true)
public final class CachedPoolThreadPerTask {
    public static void main(String[] args) throws Exception {
        ListeningExecutorService pool = MoreExecutors.listeningDecorator(Executors.newCachedThreadPool());
        Load.pace(Load.deadline(Load.seconds(args)), 400, i -> pool.submit(() -> Load.work(4_000)));
        Load.done("submitted");
    }
}
