package io.manometer.trials;

import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.Subscribe;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Guava's {@code AsyncEventBus}. Broken: events posted faster than the one subscriber handles them
 * ({@link Pace}), over {@code Executors.newFixedThreadPool(1)}, whose queue takes every event the
 * bus hands it. The bus first passes each event through a dispatch queue of its own, which the
 * posting thread drains itself: the backlog is the executor's, not a worker's early
 * acknowledgement. Fixed: an executor with a bounded queue whose full queue runs the handler on
 * the posting thread ({@code CallerRunsPolicy}), so posting waits for the subscriber.
 */
final class GuavaEventBusTrial {
    private GuavaEventBusTrial() {}

    /** The subscriber: a slow consumer of every order posted. */
    static final class OrderAudit {
        @Subscribe
        public void on(String order) {
            Pace.consume();
        }
    }

    static void run(boolean fixed, long seconds) throws Exception {
        ExecutorService executor = fixed
                ? new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                        new ThreadPoolExecutor.CallerRunsPolicy())
                : Executors.newFixedThreadPool(1);
        AsyncEventBus bus = new AsyncEventBus(executor);
        bus.register(new OrderAudit());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (Pace.before(deadline)) {
            bus.post("order " + n++);
            Pace.produced(n);
        }
        executor.shutdownNow();
    }
}
