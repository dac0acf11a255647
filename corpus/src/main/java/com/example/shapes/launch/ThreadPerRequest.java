package com.example.shapes.launch;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;

/** A new Thread per request, 300 a second, each held 5 s by a slow call: 1,500 threads and counting. */
@Shape(buffer = "async launch", behaviour = "thread per task", expect = {"unbounded-fan-out", "thread-growth"})
public final class ThreadPerRequest {
    public static void main(String[] args) throws Exception {
        Load.pace(Load.deadline(Load.seconds(args)), 300, i -> new Thread(() -> Load.work(5_000)).start());
        Load.done("started");
    }
}
