package io.manometer.trials;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vert.x 4.5. Broken: a timer on the event loop hands blocking work to {@code executeBlocking},
 * ordered (the default), faster than it runs; a context's ordered tasks wait in its task queue
 * (a {@code LinkedList}) one at a time. Fixed: the timer hands on work only while fewer than 16
 * tasks are out, counted back as each completes, and skips its turn otherwise: the event loop
 * must not block, so the producer waits by not producing.
 */
final class VertxBlockingTrial {
    private static final int PER_TICK = 20; // a tick a millisecond: Pace's 20,000 items a second
    private static final int IN_FLIGHT = 16;

    private VertxBlockingTrial() {}

    static void run(boolean fixed, long seconds) throws Exception {
        Vertx vertx = Vertx.vertx();
        AtomicInteger inFlight = new AtomicInteger();
        vertx.setPeriodic(1, id -> {
            Context context = Vertx.currentContext();
            for (int i = 0; i < PER_TICK; i++) {
                if (fixed && inFlight.get() >= IN_FLIGHT) {
                    return;
                }
                inFlight.incrementAndGet();
                context.executeBlocking(() -> {
                    Pace.consume();
                    return null;
                }).onComplete(done -> inFlight.decrementAndGet());
            }
        });
        Pace.sleepMillis(seconds * 1000);
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }
}
