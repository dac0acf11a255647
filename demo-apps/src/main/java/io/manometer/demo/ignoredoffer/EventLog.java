package io.manometer.demo.ignoredoffer;

import io.manometer.demo.Pace;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audit events on their way to storage: a bounded queue of 1,000 between request threads that
 * publish 3,000 a second and a writer that stores about 900 a second.
 */
final class EventLog {
    static final int CAPACITY = 1000;
    static final int PUBLISHED_PER_SECOND = 3000;
    final BlockingQueue<String> pending = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong stored = new AtomicLong();

    Thread startWriter() {
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    String event = pending.take();
                    if (Pace.work(1) && !event.isEmpty()) {
                        stored.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "event-writer");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    long stored() {
        return stored.get();
    }
}
