package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

/** A SynchronousQueue: each put waits for the taker, so the producer goes at its pace and nothing piles up. */
@Shape(buffer = "queue", behaviour = "slow consumer behind a bound")
public final class SynchronousHandOff {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> jobs = new SynchronousQueue<>();
        Load.consumer(jobs, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> jobs.put("job " + i));
        Load.done("handed off");
    }
}
