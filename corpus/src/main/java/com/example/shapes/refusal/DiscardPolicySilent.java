package com.example.shapes.refusal;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A bounded pool whose policy discards what it cannot take: tasks lost, and nobody told. */
@Shape(buffer = "refusal", behaviour = "refusals dropped", expect = {"rejection-dropped", "ignored-refusal"})
public final class DiscardPolicySilent {
    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                new ThreadPoolExecutor.DiscardPolicy());
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> pool.execute(() -> Load.work(2)));
        Load.done("executed");
    }
}
