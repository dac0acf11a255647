package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executors;

/** The same service, each result taken as it completes, at most 16 outstanding. */
@Shape(buffer = "queue", behaviour = "slow consumer behind a bound")
public final class CompletionResultsTaken {
    public static void main(String[] args) throws Exception {
        CompletionService<String> lookups = new ExecutorCompletionService<>(Executors.newFixedThreadPool(2));
        long[] outstanding = {0};
        Load.pace(Load.deadline(Load.seconds(args)), 2_000, i -> {
            lookups.submit(() -> "result " + i);
            if (++outstanding[0] > 16) {
                lookups.take().get();
                outstanding[0]--;
            }
        });
        Load.done("submitted");
    }
}
