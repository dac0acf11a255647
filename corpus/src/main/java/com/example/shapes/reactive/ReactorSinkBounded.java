package com.example.shapes.reactive;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/** A unicast sink over a bounded queue of 256: an emission refused for overflow waits and tries again. */
@Shape(buffer = "reactive operator", behaviour = "slow consumer behind a bound")
public final class ReactorSinkBounded {
    public static void main(String[] args) throws Exception {
        Sinks.Many<Long> sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<Long>get(256).get());
        sink.asFlux().publishOn(Schedulers.single(), 1).subscribe(event -> Load.work(1));
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> {
            while (sink.tryEmitNext(i) == Sinks.EmitResult.FAIL_OVERFLOW) {
                Load.work(1);
            }
        });
        Load.done("emitted");
    }
}
