package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Audit events offered to a full bounded queue, the false ignored: each refusal is an event lost. */
@Shape(buffer = "refusal", behaviour = "refusals dropped", expect = "ignored-refusal")
public final class OfferIgnored {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> events = new ArrayBlockingQueue<>(1_000);
        Load.consumer(events, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 3_000, i -> events.offer("event " + i));
        Load.done("offered");
    }
}
