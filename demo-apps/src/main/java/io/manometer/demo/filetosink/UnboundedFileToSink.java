package io.manometer.demo.filetosink;

import io.manometer.demo.Demo;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Broken: every line becomes a task for a fixed pool whose queue has no bound. The reader never
 * waits, so the backlog (and the heap) grows as fast as the file is read.
 */
public final class UnboundedFileToSink extends Demo {
    public UnboundedFileToSink() {
        super("file-to-sink", Variant.broken,
                "reads a file into Executors.newFixedThreadPool (unbounded queue) feeding a slow sink");
    }

    @Override
    public void run(Duration duration) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        FileToSinkPipeline.run(duration, writers);
    }
}
