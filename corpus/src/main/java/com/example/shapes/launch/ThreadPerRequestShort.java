package com.example.shapes.launch;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;

/** A new Thread per request, 300 a second, each done in 5 ms: two or three alive at a time. */
@Shape(buffer = "async launch", behaviour = "steady high depth that keeps pace")
public final class ThreadPerRequestShort {
    public static void main(String[] args) throws Exception {
        Load.pace(Load.deadline(Load.seconds(args)), 300, i -> new Thread(() -> Load.work(5)).start());
        Load.done("started");
    }
}
