package com.example.shapes.reactive;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;

/** Flowable.generate: one event per request, so observeOn's bounded prefetch is the producer's limit. */
@Shape(buffer = "reactive operator", behaviour = "slow consumer behind a bound")
public final class RxFlowableGenerate {
    public static void main(String[] args) throws Exception {
        long deadline = Load.deadline(Load.seconds(args));
        Flowable.<Long, Long>generate(() -> 0L, (n, emitter) -> {
            if (Load.before(deadline)) {
                emitter.onNext(n);
            } else {
                emitter.onComplete();
            }
            return n + 1;
        }).subscribeOn(Schedulers.newThread()).observeOn(Schedulers.single()).subscribe(event -> Load.work(1));
        Load.work(Load.seconds(args) * 1000);
        Load.done("generated");
    }
}
