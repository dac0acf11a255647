package io.manometer.agent.instrument.callsite;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;

/** Constructs queues (one with a queue built inside its arguments); its nested queue class builds its storage. */
final class ConstructionFixture {
    static Queue<String> constructs() {
        return new LinkedBlockingQueue<>(new ArrayDeque<>(4));
    }

    static int discards() {
        new ArrayDeque<String>();
        return 1;
    }

    /** A queue class loaded before the agent (the test marks PriorityQueue so): no counters, no mark. */
    static Queue<String> uncounted() {
        return new java.util.PriorityQueue<>();
    }

    static Queue<String> usesOnly(Queue<String> given) {
        given.add("x");
        return given;
    }

    /** A queue of its own: the deque it builds is its storage, named where this queue is built. */
    static final class WrappingQueue extends LinkedBlockingQueue<String> {
        private final ArrayDeque<String> overflow;

        WrappingQueue() {
            super(16);
            overflow = new ArrayDeque<>();
        }

        int overflowed() {
            return overflow.size();
        }
    }
}
