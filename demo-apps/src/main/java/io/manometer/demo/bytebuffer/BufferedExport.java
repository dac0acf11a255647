package io.manometer.demo.bytebuffer;

import io.manometer.demo.Demo;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * Broken: the whole export is written into a ByteArrayOutputStream, to be uploaded once complete.
 * Memory needed grows with the export: a large enough one (the 4 GB file at 2 a.m.) exhausts the heap.
 */
public final class BufferedExport extends Demo {
    public BufferedExport() {
        super("byte-buffer", Variant.broken,
                "writes an export into a ByteArrayOutputStream before a slow upload: memory grows with the data");
    }

    @Override
    public void run(Duration duration) throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        long rows = ExportRows.writeAll(System.nanoTime() + duration.toNanos(), whole);
        System.out.printf("exported %,d rows: %,d MB held in memory before the upload starts%n", rows,
                whole.size() >> 20);
    }
}
