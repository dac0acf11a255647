package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A bounded pool refuses, and the caller swallows the refusal: the task is gone without a trace. */
@Shape(buffer = "refusal", behaviour = "refusals dropped", expect = "rejection-dropped")
public final class TpeRejectDropped {
    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100));
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> {
            try {
                pool.execute(() -> save(i));
            } catch (RejectedExecutionException e) {
                // dropped
            }
        });
        Load.done("submitted");
    }

    private static void save(long row) {
        Load.work(2); // one row written, slowly
    }
}
