package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty's pool with a bounded job queue refuses, and the caller swallows the refusal. */
@Shape(buffer = "refusal", behaviour = "refusals dropped", expect = "rejection-dropped", ci = true)
public final class JettyRejectDropped {
    public static void main(String[] args) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(4, 4, 60_000, new BlockingArrayQueue<>(100, 0, 100));
        pool.start();
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> {
            try {
                pool.execute(() -> save(i));
            } catch (RejectedExecutionException e) {
                // dropped
            }
        });
        Load.done("executed");
    }

    private static void save(long row) {
        Load.work(2); // one row written, slowly
    }
}
