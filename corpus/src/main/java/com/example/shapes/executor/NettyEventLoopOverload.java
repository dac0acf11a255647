package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import io.netty.channel.DefaultEventLoop;

/** Blocking work handed to a Netty event loop with execute, faster than its one thread runs it. */
@Shape(buffer = "executor", behaviour = "continuous overload", expect = {"executor-backlog", "queue-backlog"})
public final class NettyEventLoopOverload {
    public static void main(String[] args) throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        Load.pace(Load.deadline(Load.seconds(args)), 3_000, i -> loop.execute(() -> Load.work(1)));
        Load.done("executed");
    }
}
