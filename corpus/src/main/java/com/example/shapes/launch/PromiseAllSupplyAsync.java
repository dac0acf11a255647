package com.example.shapes.launch;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** 8,000 supplyAsync calls on a pool of four launched in 4 s, then all awaited: the pool holds them all. */
@Shape(buffer = "async launch", behaviour = "batch launched at once then awaited", expect = {"unbounded-fan-out",
        "executor-backlog"})
public final class PromiseAllSupplyAsync {
    public static void main(String[] args) throws Exception {
        long seconds = Load.seconds(args);
        ExecutorService io = Executors.newFixedThreadPool(4);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        Load.pace(Load.deadline(4), 2_000, i -> calls.add(CompletableFuture.supplyAsync(() -> {
            Load.work(50);
            return "user " + i;
        }, io)));
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(seconds - 4, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            Load.done("still waiting");
        }
        Load.done("all answered");
    }
}
