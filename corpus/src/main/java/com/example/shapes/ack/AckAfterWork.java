package com.example.shapes.ack;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** The worker takes a message only when a slot is free and acknowledges after the work: the broker's bound holds. */
@Shape(buffer = "acknowledgement", behaviour = "slow consumer behind a bound")
public final class AckAfterWork {
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
        Semaphore slots = new Semaphore(4);
        while (Load.before(deadline)) {
            slots.acquire();
            byte[] message = broker.poll(100, TimeUnit.MILLISECONDS);
            if (message == null) {
                slots.release();
                continue;
            }
            pool.execute(() -> {
                Load.work(2);
                slots.release(); // acknowledged now, after the work
            });
        }
        Load.done("acked");
    }
}
