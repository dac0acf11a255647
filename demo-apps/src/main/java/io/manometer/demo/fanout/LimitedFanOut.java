package io.manometer.demo.fanout;

import io.manometer.demo.Demo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Fixed: the same calls through a concurrency limit, the p-limit of Java. A Semaphore is acquired
 * before each call and released when it completes, so the id stream waits for the API.
 */
public final class LimitedFanOut extends Demo {
    static final int MAX_IN_FLIGHT = 50;

    public LimitedFanOut() {
        super("fan-out", Variant.fixed,
                "same calls, at most 50 in flight (a Semaphore): the id stream waits for the API");
    }

    @Override
    public void run(Duration duration) throws Exception {
        SlowRemoteApi api = new SlowRemoteApi();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        long ids = UserIds.forEach(System.nanoTime() + duration.toNanos(), id -> {
            inFlight.acquireUninterruptibly();
            calls.add(CompletableFuture.supplyAsync(() -> api.welcome(id)).whenComplete((r, e) -> inFlight.release()));
        });
        System.out.printf("launched %,d calls, %,d finished; live threads %,d%n", ids, api.completed(),
                Thread.activeCount());
    }
}
