package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;

/** Jobs by priority into an unbounded PriorityBlockingQueue, faster than the worker takes them. */
@Shape(buffer = "queue", behaviour = "continuous overload", expect = "queue-backlog")
public final class PriorityQueueOverload {
    public static void main(String[] args) throws Exception {
        BlockingQueue<Long> jobs = new PriorityBlockingQueue<>();
        Load.consumer(jobs, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> jobs.put(i % 97));
        Load.done("queued");
    }
}
