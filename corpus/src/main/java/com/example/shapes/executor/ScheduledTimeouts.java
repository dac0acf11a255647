package com.example.shapes.executor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Request timeouts: each scheduled 30 s ahead and cancelled when the request answers, 5 ms later. */
@Shape(buffer = "executor", behaviour = "steady high depth that keeps pace")
public final class ScheduledTimeouts {
    public static void main(String[] args) throws Exception {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        timer.setRemoveOnCancelPolicy(true);
        java.util.ArrayDeque<ScheduledFuture<?>> pending = new java.util.ArrayDeque<>();
        Load.pace(Load.deadline(Load.seconds(args)), 2_000, i -> {
            pending.add(timer.schedule(() -> System.out.println("timed out"), 30, TimeUnit.SECONDS));
            if (pending.size() > 10) {
                pending.poll().cancel(false);
            }
        });
        Load.done("answered");
    }
}
