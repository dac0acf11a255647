package io.manometer.trials;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/**
 * Reactor. Broken: {@code Flux.create} pushes from its own thread whatever the subscriber has not
 * asked for into the sink's unbounded buffer (the default BUFFER strategy). Fixed: {@code
 * Flux.generate} makes an item only when one is requested.
 */
final class ReactorCreateTrial {
    private ReactorCreateTrial() {}

    static void run(boolean fixed, long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Flux<byte[]> items = fixed ? generated(deadline) : pushed(deadline);
        items.publishOn(Schedulers.single()).subscribe(item -> Pace.consume());
        while (Pace.before(deadline)) {
            Pace.sleepMillis(100);
        }
    }

    private static Flux<byte[]> pushed(long deadline) {
        return Flux.create(sink -> new Thread(() -> {
            long n = 0;
            while (Pace.before(deadline)) {
                sink.next(new byte[256]);
                Pace.produced(++n);
            }
            sink.complete();
        }, "reactor-producer").start(), FluxSink.OverflowStrategy.BUFFER);
    }

    private static Flux<byte[]> generated(long deadline) {
        return Flux.<byte[]>generate(sink -> {
            if (Pace.before(deadline)) {
                sink.next(new byte[256]);
            } else {
                sink.complete();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
