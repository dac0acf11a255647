package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/** The writer hangs for good after 2 s (a call with no timeout): the bounded queue fills and stays full. */
@Shape(buffer = "queue", behaviour = "dead or hung consumer behind a bound", expect = "consumer-stalled", seconds = 16,
        ci = true)
public final class DeadConsumerBehindBound {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1_000);
        CountDownLatch never = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            long hangAt = Load.deadline(2);
            try {
                while (true) {
                    lines.take();
                    Load.work(1);
                    if (!Load.before(hangAt)) {
                        never.await();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "writer");
        writer.setDaemon(true);
        writer.start();
        long seconds = Load.seconds(args);
        Load.exitAfter(seconds);
        Load.pace(Load.deadline(seconds), 2_000, i -> lines.put("line " + i));
        Load.done("read");
    }
}
