package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TransferQueue;

/** put on a LinkedTransferQueue never waits (only transfer does): filled at 4,000/s, taken at 1,000/s. */
@Shape(buffer = "queue", behaviour = "continuous overload", expect = "queue-backlog")
public final class TransferQueueOverload {
    public static void main(String[] args) throws Exception {
        TransferQueue<String> jobs = new LinkedTransferQueue<>();
        Load.consumer(jobs, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> jobs.put("job " + i));
        Load.done("queued");
    }
}
