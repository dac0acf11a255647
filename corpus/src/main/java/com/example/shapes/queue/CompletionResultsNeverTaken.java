package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executors;

/** Work through an ExecutorCompletionService whose results nobody takes: its completion queue holds them all. */
@Shape(buffer = "queue", behaviour = "continuous overload", expect = "queue-backlog")
public final class CompletionResultsNeverTaken {
    public static void main(String[] args) throws Exception {
        CompletionService<String> lookups = new ExecutorCompletionService<>(Executors.newFixedThreadPool(2));
        Load.pace(Load.deadline(Load.seconds(args)), 2_000, i -> lookups.submit(() -> "result " + i));
        Load.done("submitted");
    }
}
