package com.example.shapes.ack;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A worker takes each message from the broker's bounded queue, acknowledges it at once and hands
 * the work to a pool: the broker is always empty, so it keeps sending, and the pool holds the rest.
 */
@Shape(buffer = "acknowledgement", behaviour = "acknowledgement before the work", expect = "early-ack")
public final class EarlyAck {
    public static void main(String[] args) throws Exception {
        long deadline = Load.deadline(Load.seconds(args));
        BlockingQueue<byte[]> broker = new ArrayBlockingQueue<>(1_000);
        Thread publisher = new Thread(() -> {
            try {
                Load.pace(deadline, 2_000, i -> broker.put(new byte[512]));
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }, "publisher");
        publisher.setDaemon(true);
        publisher.start();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        while (Load.before(deadline)) {
            byte[] message = broker.poll(100, TimeUnit.MILLISECONDS);
            if (message != null) {
                pool.execute(() -> Load.work(2)); // acknowledged already: the broker forgot it
            }
        }
        Load.done("acked");
    }
}
