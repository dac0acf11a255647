package io.manometer.demo.filetosink;

import io.manometer.demo.Demo;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fixed: the same pipeline with a bounded hand-off. When 100 rows wait, the reader blocks until a
 * writer takes one: the file is read only as fast as the sink writes, and memory stays flat.
 */
public final class BoundedFileToSink extends Demo {
    static final int MAX_WAITING_ROWS = 100;

    public BoundedFileToSink() {
        super("file-to-sink", Variant.fixed,
                "same pipeline, bounded queue: the reader waits for the slow sink");
    }

    @Override
    public void run(Duration duration) throws Exception {
        ThreadPoolExecutor writers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_WAITING_ROWS), waitForRoom());
        FileToSinkPipeline.run(duration, writers);
    }

    /** Instead of rejecting a task when the queue is full, make the submitting thread wait for room. */
    static RejectedExecutionHandler waitForRoom() {
        return (task, executor) -> {
            try {
                executor.getQueue().put(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RejectedExecutionException("interrupted while waiting for room", e);
            }
        };
    }
}
