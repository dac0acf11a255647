package io.manometer.trials;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.schedulers.Schedulers;

/**
 * RxJava. Broken: an {@code Observable} has no backpressure, so {@code observeOn} queues every item
 * the slow observer has not taken yet. Fixed: a {@code Flowable} generated on request, whose
 * {@code observeOn} asks for 128 at a time.
 */
final class RxObserveOnTrial {
    private RxObserveOnTrial() {}

    static void run(boolean fixed, long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        if (fixed) {
            Flowable.<byte[]>generate(emitter -> {
                if (Pace.before(deadline)) {
                    emitter.onNext(new byte[256]);
                } else {
                    emitter.onComplete();
                }
            }).subscribeOn(Schedulers.newThread()).observeOn(Schedulers.single()).subscribe(item -> Pace.consume());
        } else {
            Observable.<byte[]>create(emitter -> {
                long n = 0;
                while (Pace.before(deadline) && !emitter.isDisposed()) {
                    emitter.onNext(new byte[256]);
                    Pace.produced(++n);
                }
                emitter.onComplete();
            }).subscribeOn(Schedulers.newThread()).observeOn(Schedulers.single()).subscribe(item -> Pace.consume());
        }
        while (Pace.before(deadline)) {
            Pace.sleepMillis(100);
        }
    }
}
