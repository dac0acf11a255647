package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The same refusals, each answered by backing off 5 ms and offering the same task again. */
@Shape(buffer = "refusal", behaviour = "refusals retried after a back-off")
public final class TpeRejectRetry {
    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100));
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> {
            Runnable task = () -> save(i);
            while (true) {
                try {
                    pool.execute(task);
                    return;
                } catch (RejectedExecutionException e) {
                    Thread.sleep(5);
                }
            }
        });
        Load.done("submitted");
    }

    private static void save(long row) {
        Load.work(2); // one row written, slowly
    }
}
