package com.example.shapes.reactive;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Flux.generate makes each order on demand: the subscriber's pace is the producer's. */
@Shape(buffer = "reactive operator", behaviour = "slow consumer behind a bound")
public final class ReactorGenerate {
    public static void main(String[] args) throws Exception {
        long deadline = Load.deadline(Load.seconds(args));
        Flux.<Long, Long>generate(() -> 0L, (n, sink) -> {
            if (Load.before(deadline)) {
                sink.next(n);
            } else {
                sink.complete();
            }
            return n + 1;
        }).publishOn(Schedulers.single(), 1).subscribe(order -> Load.work(1));
        Load.work(Load.seconds(args) * 1000);
        Load.done("generated");
    }
}
