package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** A virtual thread per call, at most 100 calls at once. */
@Shape(buffer = "executor", behaviour = "slow consumer behind a bound", minJdk = 21)
public final class VirtualThreadsSemaphore {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        Semaphore permits = new Semaphore(100);
        Load.pace(Load.deadline(Load.seconds(args)), 3_000, i -> {
            permits.acquire();
            pool.submit(() -> {
                Load.work(50);
                permits.release();
            });
        });
        Load.done("submitted");
    }
}
