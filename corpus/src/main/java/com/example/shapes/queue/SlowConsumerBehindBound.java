package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A slow writer behind a full bounded queue: the reader waits at put, memory stays flat. */
@Shape(buffer = "queue", behaviour = "slow consumer behind a bound")
public final class SlowConsumerBehindBound {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1_000);
        Load.consumer(lines, 2);
        Load.pace(Load.deadline(Load.seconds(args)), 2_000, i -> lines.put("line " + i));
        Load.done("read");
    }
}
