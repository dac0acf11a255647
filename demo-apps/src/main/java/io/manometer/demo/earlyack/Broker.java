package io.manometer.demo.earlyack;

import io.manometer.demo.Pace;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process message broker (the Kafka/SQS/Redis of the demo): a bounded queue of messages, a
 * publisher that puts 2,000 a second and waits when the queue is full, and acknowledgements counted.
 */
final class Broker {
    static final int CAPACITY = 1000;
    static final int PUBLISHED_PER_SECOND = 2000;
    private final BlockingQueue<byte[]> messages = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();

    void startPublishing(long deadlineNanos) {
        Thread publisher = new Thread(() -> {
            try {
                published.set(Pace.forEach(deadlineNanos, PUBLISHED_PER_SECOND, i -> messages.put(new byte[1024])));
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }, "broker-publisher");
        publisher.setDaemon(true);
        publisher.start();
    }

    /** The next message, or null if none came within a second (the publisher has stopped). */
    byte[] take() throws InterruptedException {
        return messages.poll(1, TimeUnit.SECONDS);
    }

    /** The broker forgets an acknowledged message: if its work is lost now, nobody will redeliver it. */
    void ack(byte[] message) {
        acked.incrementAndGet();
    }

    long acked() {
        return acked.get();
    }

    int waiting() {
        return messages.size();
    }
}
