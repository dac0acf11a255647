package io.manometer.demo.earlyack;

import io.manometer.demo.Pace;
import java.util.concurrent.atomic.AtomicLong;

/** What each message asks for: about 2 ms of work (a database write), so two threads do 1,000 a second. */
final class Processing {
    static final int THREADS = 2;
    private final AtomicLong done = new AtomicLong();

    void process(byte[] message) {
        if (Pace.work(2) && message.length > 0) {
            done.incrementAndGet();
        }
    }

    long done() {
        return done.get();
    }
}
