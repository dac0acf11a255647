package io.manometer.agent.instrument.callsite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Application code with one call site of each shape, for the rewriting concerns' tests. */
final class CallSiteFixture {
    void launches() {
        CompletableFuture.runAsync(() -> { });
    }

    void startsThread(Thread thread) {
        thread.start();
    }

    void discardsOffer(Queue<String> queue) {
        queue.offer("x");
    }

    boolean checksOffer(Queue<String> queue) {
        return queue.offer("x");
    }

    void discardsWrite(WritableByteChannel channel, ByteBuffer bytes) throws IOException {
        channel.write(bytes);
    }

    void dropsRejection(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            return;
        }
    }

    void retriesRejection(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            executor.execute(task);
        }
    }
}
