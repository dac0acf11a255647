package com.example.shapes.reactive;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;

/** Flowable.range observed on another thread: observeOn requests 128 at a time, so the range waits. */
@Shape(buffer = "reactive operator", behaviour = "slow consumer behind a bound")
public final class RxFlowableRange {
    public static void main(String[] args) throws Exception {
        Flowable.range(0, Integer.MAX_VALUE).subscribeOn(Schedulers.newThread()).observeOn(Schedulers.single())
                .subscribe(event -> Load.work(1));
        Load.work(Load.seconds(args) * 1000);
        Load.done("observed");
    }
}
