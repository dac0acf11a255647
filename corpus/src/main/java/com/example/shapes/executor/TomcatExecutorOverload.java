package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.TimeUnit;
import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/** Tomcat's own executor (not the JDK's), its TaskQueue unbounded, fed faster than four threads work. */
@Shape(buffer = "executor", behaviour = "continuous overload", expect = {"executor-backlog", "queue-backlog"})
public final class TomcatExecutorOverload {
    public static void main(String[] args) throws Exception {
        TaskQueue queue = new TaskQueue();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 4, 60, TimeUnit.SECONDS, queue);
        queue.setParent(pool);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> pool.execute(() -> Load.work(2)));
        Load.done("executed");
    }
}
