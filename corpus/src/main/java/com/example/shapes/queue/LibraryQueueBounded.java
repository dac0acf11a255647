package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.Queue;
import reactor.util.concurrent.Queues;

/** Reactor's bounded queue of 256: a refused offer waits a millisecond and tries again. */
@Shape(buffer = "queue", behaviour = "slow consumer behind a bound")
public final class LibraryQueueBounded {
    public static void main(String[] args) throws Exception {
        Queue<String> queue = Queues.<String>get(256).get();
        Thread consumer = new Thread(() -> {
            do {
                queue.poll();
            } while (Load.work(1));
        });
        consumer.setDaemon(true);
        consumer.start();
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> {
            String item = "item " + i;
            while (!queue.offer(item)) {
                Load.work(1);
            }
        });
        Load.done("queued");
    }
}
