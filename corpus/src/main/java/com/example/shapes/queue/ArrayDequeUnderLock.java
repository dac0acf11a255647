package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.ArrayDeque;

/** A hand-made work list, an ArrayDeque under a lock, filled faster than its worker empties it. */
@Shape(buffer = "queue", behaviour = "continuous overload", expect = "queue-backlog")
public final class ArrayDequeUnderLock {
    public static void main(String[] args) throws Exception {
        ArrayDeque<String> work = new ArrayDeque<>();
        Thread worker = new Thread(() -> {
            do {
                synchronized (work) {
                    work.poll();
                }
            } while (Load.work(1));
        });
        worker.setDaemon(true);
        worker.start();
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> {
            synchronized (work) {
                work.add("job " + i);
            }
        });
        Load.done("queued");
    }
}
