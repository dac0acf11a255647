package io.manometer.demo.ignoredoffer;

import io.manometer.demo.Demo;
import io.manometer.demo.Pace;
import java.time.Duration;

/**
 * Broken: the ignored signal. {@code offer} on the full queue returns false, the publisher never
 * looks, and the event is gone: no error, no log line, no count.
 */
public final class DroppingPublisher extends Demo {
    public DroppingPublisher() {
        super("ignored-offer", Variant.broken,
                "offer()s audit events into a full bounded queue and ignores the false: events vanish");
    }

    @Override
    public void run(Duration duration) throws Exception {
        EventLog log = new EventLog();
        log.startWriter();
        long published = Pace.forEach(System.nanoTime() + duration.toNanos(), EventLog.PUBLISHED_PER_SECOND,
                i -> log.pending.offer("event " + i));
        long lost = published - log.stored() - log.pending.size();
        System.out.printf("published %,d events, stored %,d, %,d lost without a trace%n", published, log.stored(), lost);
    }
}
