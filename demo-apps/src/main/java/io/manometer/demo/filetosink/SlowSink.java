package io.manometer.demo.filetosink;

import java.util.concurrent.atomic.AtomicLong;

/** A database or remote API that takes about a millisecond per row. */
final class SlowSink {
    private final AtomicLong written = new AtomicLong();

    void write(String row) {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!row.isEmpty()) {
            written.incrementAndGet();
        }
    }

    long written() {
        return written.get();
    }
}
