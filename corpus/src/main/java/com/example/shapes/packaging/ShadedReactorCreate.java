package com.example.shapes.packaging;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/** An unbounded Reactor sink from an uber-jar with Reactor inside: the queue is Reactor's, the line ours. */
@Shape(buffer = "reactive operator", behaviour = "continuous overload", expect = "queue-backlog",
        launch = Shape.Launch.SHADED_JAR)
public final class ShadedReactorCreate {
    public static void main(String[] args) throws Exception {
        Sinks.Many<Long> sink = Sinks.many().unicast().onBackpressureBuffer();
        sink.asFlux().publishOn(Schedulers.single(), 1).subscribe(event -> Load.work(1));
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, sink::tryEmitNext);
        Load.done("emitted");
    }
}
