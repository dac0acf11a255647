package com.example.shapes.reactive;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/** A unicast sink with its default unbounded buffer, emitted into at 4,000/s, read at 1,000/s. */
@Shape(buffer = "reactive operator", behaviour = "continuous overload", expect = "queue-backlog")
public final class ReactorSinkUnbounded {
    public static void main(String[] args) throws Exception {
        Sinks.Many<Long> sink = Sinks.many().unicast().onBackpressureBuffer();
        sink.asFlux().publishOn(Schedulers.single(), 1).subscribe(event -> Load.work(1));
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, sink::tryEmitNext);
        Load.done("emitted");
    }
}
