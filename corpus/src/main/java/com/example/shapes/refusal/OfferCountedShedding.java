package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/** Deliberate load shedding: a refused sample is counted in a metric and dropped by design. */
@Shape(buffer = "refusal", behaviour = "refusals counted")
public final class OfferCountedShedding {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> samples = new ArrayBlockingQueue<>(1_000);
        LongAdder shed = new LongAdder();
        Load.consumer(samples, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 3_000, i -> {
            if (!samples.offer("sample " + i)) {
                shed.increment();
            }
        });
        Load.done("shed " + shed.sum());
    }
}
