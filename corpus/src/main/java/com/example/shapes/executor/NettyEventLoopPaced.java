package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.Semaphore;

/** The same loop, with no more than 64 tasks given to it at once. */
@Shape(buffer = "executor", behaviour = "slow consumer behind a bound")
public final class NettyEventLoopPaced {
    public static void main(String[] args) throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        Semaphore permits = new Semaphore(64);
        Load.pace(Load.deadline(Load.seconds(args)), 3_000, i -> {
            permits.acquire();
            loop.execute(() -> {
                Load.work(1);
                permits.release();
            });
        });
        Load.done("executed");
    }
}
