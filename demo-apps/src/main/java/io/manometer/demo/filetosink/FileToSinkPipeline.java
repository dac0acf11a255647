package io.manometer.demo.filetosink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * The job both variants share: read an export line by line and hand each line to writer threads
 * that store it in a slow sink. The variants differ only in the executor they pass in.
 */
final class FileToSinkPipeline {
    private FileToSinkPipeline() {}

    static void run(Duration duration, ExecutorService writers) throws Exception {
        Path file = ExportFile.generate(ExportFile.LINES_PER_SECOND * (duration.toSeconds() + 2));
        SlowSink sink = new SlowSink();
        long deadline = System.nanoTime() + duration.toNanos();
        long read = ExportFile.readLines(file, deadline, line -> writers.execute(() -> sink.write(line)));
        Runtime rt = Runtime.getRuntime();
        System.out.printf("read %,d lines, wrote %,d, %,d still waiting; heap used %,d MB of %,d MB%n", read,
                sink.written(), read - sink.written(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        writers.shutdownNow();
    }
}
