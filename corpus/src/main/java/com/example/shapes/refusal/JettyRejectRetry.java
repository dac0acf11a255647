package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty's bounded pool refuses; the producer sleeps 5 ms and submits the same task again. */
@Shape(buffer = "refusal", behaviour = "refusals retried after a back-off", ci = true)
public final class JettyRejectRetry {
    public static void main(String[] args) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(4, 4, 60_000, new BlockingArrayQueue<>(100, 0, 100));
        pool.start();
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
        Load.done("executed");
    }

    private static void save(long row) {
        Load.work(2); // one row written, slowly
    }
}
