package io.manometer.agent.instrument.callsite;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Handlers of a refusal in loops: one tries the same task again after a back-off, the others move on. */
final class RetryFixture {
    void backsOffAndRetries(Executor executor, Runnable task) throws InterruptedException {
        while (true) {
            try {
                executor.execute(task);
                return;
            } catch (RejectedExecutionException e) {
                Thread.sleep(5);
            }
        }
    }

    void dropsAndMovesOn(Executor executor, List<Runnable> tasks) {
        for (Runnable task : tasks) {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                // dropped
            }
        }
    }

    void continuesWithTheNext(Executor executor, List<Runnable> tasks) throws InterruptedException {
        for (Runnable task : tasks) {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                Thread.sleep(5);
                continue;
            }
            Thread.yield();
        }
    }

    private final java.util.concurrent.atomic.LongAdder shed = new java.util.concurrent.atomic.LongAdder();

    void countsWhatItSheds(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            shed.increment();
        }
    }
}
