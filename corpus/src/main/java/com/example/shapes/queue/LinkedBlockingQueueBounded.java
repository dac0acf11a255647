package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The same lines into a queue of 1,000 whose put waits for room: the reader goes at the writer's pace. */
@Shape(buffer = "queue", behaviour = "slow consumer behind a bound")
public final class LinkedBlockingQueueBounded {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>(1_000);
        Load.consumer(lines, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> lines.put("line " + i));
        Load.done("read");
    }
}
