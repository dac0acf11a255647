package com.example.shapes.reactive;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/** Flux.create with the BUFFER strategy pushed at 4,000/s to a subscriber that handles 1,000/s. */
@Shape(buffer = "reactive operator", behaviour = "continuous overload", expect = "queue-backlog")
public final class ReactorCreateBuffer {
    public static void main(String[] args) throws Exception {
        long deadline = Load.deadline(Load.seconds(args));
        Flux.<Long>create(sink -> new Thread(() -> {
            try {
                Load.pace(deadline, 4_000, sink::next);
            } catch (Exception e) {
                sink.error(e);
            }
        }).start(), FluxSink.OverflowStrategy.BUFFER)
                .publishOn(Schedulers.single(), 1)
                .subscribe(order -> Load.work(1));
        Load.work(Load.seconds(args) * 1000);
        Load.done("pushed");
    }
}
