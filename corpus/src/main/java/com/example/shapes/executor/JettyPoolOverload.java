package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty's QueuedThreadPool with its default, unbounded job queue, fed faster than four threads work. */
@Shape(buffer = "executor", behaviour = "continuous overload", expect = {"executor-backlog", "queue-backlog"})
public final class JettyPoolOverload {
    public static void main(String[] args) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(4, 4);
        pool.start();
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> pool.execute(() -> Load.work(2)));
        Load.done("executed");
    }
}
