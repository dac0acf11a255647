package io.manometer.demo.fanout;

import io.manometer.demo.Demo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Broken: the {@code Promise.all} over every id. Each id becomes an asynchronous call and nothing
 * limits how many are in flight: on a machine of two cores or fewer each call is a new thread, on a
 * larger one a task waiting in the common pool.
 */
public final class UnlimitedFanOut extends Demo {
    public UnlimitedFanOut() {
        super("fan-out", Variant.broken,
                "one CompletableFuture.supplyAsync per id against a slow API, then allOf: nothing limits calls in flight");
    }

    @Override
    public void run(Duration duration) throws Exception {
        SlowRemoteApi api = new SlowRemoteApi();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        long ids = UserIds.forEach(System.nanoTime() + duration.toNanos(),
                id -> calls.add(CompletableFuture.supplyAsync(() -> api.welcome(id))));
        CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(new CompletableFuture[0]));
        System.out.printf("launched %,d calls, %,d finished, all done: %s; live threads %,d%n", ids, api.completed(),
                all.isDone(), Thread.activeCount());
    }
}
