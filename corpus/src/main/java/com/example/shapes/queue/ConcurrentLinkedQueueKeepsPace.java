package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The same outbox, drained whole every millisecond: the sender keeps pace. */
@Shape(buffer = "queue", behaviour = "steady high depth that keeps pace")
public final class ConcurrentLinkedQueueKeepsPace {
    public static void main(String[] args) throws Exception {
        Queue<String> outbox = new ConcurrentLinkedQueue<>();
        Thread sender = new Thread(() -> {
            do {
                while (outbox.poll() != null) {
                    Thread.onSpinWait();
                }
            } while (Load.work(1));
        });
        sender.setDaemon(true);
        sender.start();
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> outbox.add("message " + i));
        Load.done("queued");
    }
}
