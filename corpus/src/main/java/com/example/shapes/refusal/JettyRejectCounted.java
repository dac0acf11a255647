package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The same refusals, each counted in a metric as load shed on purpose: a trace, not a silent loss. */
@Shape(buffer = "refusal", behaviour = "refusals counted")
public final class JettyRejectCounted {
    private static final java.util.concurrent.atomic.LongAdder SHED = new java.util.concurrent.atomic.LongAdder();

    public static void main(String[] args) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(4, 4, 60_000, new BlockingArrayQueue<>(100, 0, 100));
        pool.start();
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> {
            try {
                pool.execute(() -> save(i));
            } catch (RejectedExecutionException e) {
                SHED.increment(); // load shed on purpose, and counted
            }
        });
        Load.done("shed " + SHED.sum());
    }

    private static void save(long row) {
        Load.work(2); // one row written, slowly
    }
}
