package com.example.shapes.reactive;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.schedulers.Schedulers;

/** Observable.create (no backpressure at all) with observeOn to a slow observer. */
@Shape(buffer = "reactive operator", behaviour = "continuous overload", expect = "queue-backlog")
public final class RxObserveOn {
    public static void main(String[] args) throws Exception {
        long deadline = Load.deadline(Load.seconds(args));
        Observable.<Long>create(emitter -> Load.pace(deadline, 4_000, emitter::onNext))
                .subscribeOn(Schedulers.newThread())
                .observeOn(Schedulers.single())
                .subscribe(event -> Load.work(1));
        Load.work(Load.seconds(args) * 1000);
        Load.done("emitted");
    }
}
