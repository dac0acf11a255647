package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** The same calls through a cached pool, at most 32 at once: the submitter waits for a permit. */
@Shape(buffer = "executor", behaviour = "slow consumer behind a bound", ci = true)
public final class CachedPoolLimited {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        Semaphore permits = new Semaphore(32);
        Load.pace(Load.deadline(Load.seconds(args)), 400, i -> {
            permits.acquire();
            pool.submit(() -> {
                try {
                    Load.work(100);
                } finally {
                    permits.release();
                }
            });
        });
        Load.done("submitted");
    }
}
