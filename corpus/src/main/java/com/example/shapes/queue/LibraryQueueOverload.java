package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.Queue;
import reactor.util.concurrent.Queues;

/** A library's own unbounded queue (Reactor's), filled faster than its consumer polls it. */
@Shape(buffer = "queue", behaviour = "continuous overload", expect = "queue-backlog")
public final class LibraryQueueOverload {
    public static void main(String[] args) throws Exception {
        Queue<String> queue = Queues.<String>unbounded().get();
        Thread consumer = new Thread(() -> {
            do {
                queue.poll();
            } while (Load.work(1));
        });
        consumer.setDaemon(true);
        consumer.start();
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> queue.offer("item " + i));
        Load.done("queued");
    }
}
