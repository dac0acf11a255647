package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Every 3 s a batch of 5,000 lines into an unbounded queue, drained by the writer within a second. */
@Shape(buffer = "queue", behaviour = "burst that drains")
public final class QueueBurstThatDrains {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Load.consumer(lines, 0);
        long deadline = Load.deadline(Load.seconds(args));
        while (Load.before(deadline)) {
            for (int i = 0; i < 5_000; i++) {
                lines.put("line " + i);
            }
            Load.work(3_000);
        }
        Load.done("batches");
    }
}
