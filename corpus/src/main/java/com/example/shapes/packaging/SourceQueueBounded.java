package com.example.shapes.packaging;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The bounded twin, started as a single source file. */
@Shape(buffer = "queue", behaviour = "slow consumer behind a bound", launch = Shape.Launch.SOURCE_FILE)
public final class SourceQueueBounded {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>(1_000);
        Load.consumer(lines, 1);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> lines.put("line " + i));
        Load.done("read");
    }
}
