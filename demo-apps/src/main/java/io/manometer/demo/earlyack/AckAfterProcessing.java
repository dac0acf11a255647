package io.manometer.demo.earlyack;

import io.manometer.demo.Demo;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Fixed: the worker takes a message only when a slot for its work is free, and acknowledges it
 * after the work is done. Unprocessed messages stay at the broker, whose bound makes the publisher wait.
 */
public final class AckAfterProcessing extends Demo {
    static final int MAX_IN_FLIGHT = 2 * Processing.THREADS;

    public AckAfterProcessing() {
        super("early-ack", Variant.fixed,
                "takes a message only when a slot is free (Semaphore), acks after processing");
    }

    @Override
    public void run(Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        Broker broker = new Broker();
        Processing processing = new Processing();
        ExecutorService pool = Executors.newFixedThreadPool(Processing.THREADS);
        Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
        broker.startPublishing(deadline);
        Thread worker = new Thread(() -> {
            try {
                while (System.nanoTime() < deadline) {
                    slots.acquire();
                    byte[] message = broker.take();
                    if (message == null) {
                        slots.release();
                        break;
                    }
                    pool.execute(() -> {
                        try {
                            processing.process(message);
                            broker.ack(message);
                        } finally {
                            slots.release();
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "queue-worker");
        worker.start();
        worker.join();
        System.out.printf("acked %,d messages, processed %,d; %,d waiting at the broker (its bound holds the publisher)%n",
                broker.acked(), processing.done(), broker.waiting());
        pool.shutdownNow();
    }
}
