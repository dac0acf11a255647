package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;

/** The same pool, with no more than 64 tasks given to it at once. */
@Shape(buffer = "executor", behaviour = "slow consumer behind a bound")
public final class ForkJoinLimited {
    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        Semaphore permits = new Semaphore(64);
        Load.pace(Load.deadline(Load.seconds(args)), 5_000, i -> {
            permits.acquire();
            pool.execute(() -> {
                Load.work(2);
                permits.release();
            });
        });
        Load.done("executed");
    }
}
