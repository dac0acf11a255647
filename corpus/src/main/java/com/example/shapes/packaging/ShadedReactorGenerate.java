package com.example.shapes.packaging;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Flux.generate from the same uber-jar: made on demand. */
@Shape(buffer = "reactive operator", behaviour = "slow consumer behind a bound", launch = Shape.Launch.SHADED_JAR)
public final class ShadedReactorGenerate {
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
