package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An outbox polled by a sender that manages 1,000/s, filled at 4,000/s. */
@Shape(buffer = "queue", behaviour = "continuous overload", expect = "queue-backlog")
public final class ConcurrentLinkedQueueOverload {
    public static void main(String[] args) throws Exception {
        Queue<String> outbox = new ConcurrentLinkedQueue<>();
        Thread sender = new Thread(() -> {
            do {
                outbox.poll(); // one message a millisecond at best
            } while (Load.work(1));
        });
        sender.setDaemon(true);
        sender.start();
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> outbox.add("message " + i));
        Load.done("queued");
    }
}
