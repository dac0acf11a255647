package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** A refused offer is tried again after a back-off: the producer goes at the writer's pace. */
@Shape(buffer = "refusal", behaviour = "refusals retried after a back-off")
public final class OfferRetryBackoff {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> events = new ArrayBlockingQueue<>(1_000);
        Load.consumer(events, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 3_000, i -> {
            String event = "event " + i;
            while (!events.offer(event, 5, TimeUnit.MILLISECONDS)) {
                Thread.onSpinWait();
            }
        });
        Load.done("offered");
    }
}
