package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/** Tomcat's bounded executor refuses; the producer backs off 5 ms and submits the same task again. */
@Shape(buffer = "refusal", behaviour = "refusals retried after a back-off")
public final class TomcatRejectRetry {
    public static void main(String[] args) throws Exception {
        TaskQueue queue = new TaskQueue(100);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 4, 60, TimeUnit.SECONDS, queue);
        queue.setParent(pool);
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
