package com.example.shapes.reactive;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.PublishSubject;

/** Events pushed into a PublishSubject at 4,000/s and observed on another thread at 1,000/s. */
@Shape(buffer = "reactive operator", behaviour = "continuous overload", expect = "queue-backlog")
public final class RxSubjectObserveOn {
    public static void main(String[] args) throws Exception {
        PublishSubject<Long> events = PublishSubject.create();
        events.observeOn(Schedulers.single()).subscribe(event -> Load.work(1));
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> events.onNext(i));
        Load.done("pushed");
    }
}
