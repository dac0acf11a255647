package io.manometer.demo.earlyack;

import io.manometer.demo.Demo;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Broken: the worker that acks early. It takes a message, acknowledges it at once and hands the
 * work to a pool: the broker sees every message handled instantly and keeps sending, while the
 * pool's queue holds everything not yet done (and a crash would lose it all, already acked).
 */
public final class EarlyAckWorker extends Demo {
    public EarlyAckWorker() {
        super("early-ack", Variant.broken,
                "takes from a broker, acks at once, hands the work to a pool: the broker never slows down");
    }

    @Override
    public void run(Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        Broker broker = new Broker();
        Processing processing = new Processing();
        ExecutorService pool = Executors.newFixedThreadPool(Processing.THREADS);
        broker.startPublishing(deadline);
        Thread worker = new Thread(() -> {
            try {
                while (System.nanoTime() < deadline) {
                    byte[] message = broker.take();
                    if (message == null) {
                        break;
                    }
                    broker.ack(message);
                    pool.execute(() -> processing.process(message));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "queue-worker");
        worker.start();
        worker.join();
        System.out.printf("acked %,d messages, processed %,d: %,d acked but not done; %,d waiting at the broker%n",
                broker.acked(), processing.done(), broker.acked() - processing.done(), broker.waiting());
        pool.shutdownNow();
    }
}
