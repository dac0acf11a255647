package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/** Tomcat's executor with a bounded TaskQueue refuses, and the caller swallows the refusal. */
@Shape(buffer = "refusal", behaviour = "refusals dropped", expect = "rejection-dropped")
public final class TomcatRejectDropped {
    public static void main(String[] args) throws Exception {
        TaskQueue queue = new TaskQueue(100);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 4, 60, TimeUnit.SECONDS, queue);
        queue.setParent(pool);
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
