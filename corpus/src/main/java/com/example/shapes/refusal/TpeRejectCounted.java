package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The same refusals, each counted in a metric as load shed on purpose: a trace, not a silent loss. */
@Shape(buffer = "refusal", behaviour = "refusals counted")
public final class TpeRejectCounted {
    private static final java.util.concurrent.atomic.LongAdder SHED = new java.util.concurrent.atomic.LongAdder();

    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100));
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
