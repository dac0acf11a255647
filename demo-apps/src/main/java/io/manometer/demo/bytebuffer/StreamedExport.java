package io.manometer.demo.bytebuffer;

import io.manometer.demo.Demo;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;

/**
 * Fixed: the export streams to the upload through a 64 KB pipe. When the pipe is full the writer
 * waits for the upload, so memory holds one pipe's worth whatever the export's size.
 */
public final class StreamedExport extends Demo {
    public StreamedExport() {
        super("byte-buffer", Variant.fixed,
                "streams the export to the upload through a bounded 64 KB pipe: the writer waits for the upload");
    }

    @Override
    public void run(Duration duration) throws Exception {
        PipedInputStream pipe = new PipedInputStream(SlowUpload.CHUNK);
        PipedOutputStream out = new PipedOutputStream(pipe); // connected before the uploader reads
        long[] uploaded = new long[1];
        Thread uploader = new Thread(() -> {
            try {
                uploaded[0] = new SlowUpload().from(pipe);
            } catch (Exception e) {
                System.err.println("upload failed: " + e.getMessage());
            }
        }, "uploader");
        uploader.start();
        long rows;
        try (out) {
            rows = ExportRows.writeAll(System.nanoTime() + duration.toNanos(), out);
        }
        uploader.join();
        System.out.printf("exported %,d rows, uploaded %,d MB as they were written; nothing held whole%n", rows,
                uploaded[0] >> 20);
    }
}
