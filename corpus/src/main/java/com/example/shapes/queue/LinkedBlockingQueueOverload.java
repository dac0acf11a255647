package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Lines read at 5,000/s into an unbounded queue whose writer takes 1,000/s. */
@Shape(buffer = "queue", behaviour = "continuous overload", expect = "queue-backlog")
public final class LinkedBlockingQueueOverload {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Load.consumer(lines, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> lines.put("line " + i));
        Load.done("read");
    }
}
