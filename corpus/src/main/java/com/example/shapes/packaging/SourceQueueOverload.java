package com.example.shapes.packaging;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The unbounded queue overload, started as a single source file. */
@Shape(buffer = "queue", behaviour = "continuous overload", expect = "queue-backlog",
        launch = Shape.Launch.SOURCE_FILE)
public final class SourceQueueOverload {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Load.consumer(lines, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> lines.put("line " + i));
        Load.done("read");
    }
}
