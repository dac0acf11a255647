package io.manometer.agent.instrument.callsite;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;

/** Constructs queues (one with a queue built inside its arguments) and subclasses one. */
final class ConstructionFixture extends LinkedBlockingQueue<String> {
    ConstructionFixture() {
        super(16); // a super call: no construction of its own
    }

    static Queue<String> constructs() {
        return new LinkedBlockingQueue<>(new ArrayDeque<>(4));
    }

    static int discards() {
        new ArrayDeque<String>();
        return 1;
    }

    static Queue<String> usesOnly(Queue<String> given) {
        given.add("x");
        return given;
    }
}
