package io.manometer.demo.ignoredoffer;

import io.manometer.demo.Demo;
import io.manometer.demo.Pace;
import java.time.Duration;

/** Fixed: {@code put} waits for room, so the publisher slows to the writer's pace and nothing is lost. */
public final class WaitingPublisher extends Demo {
    public WaitingPublisher() {
        super("ignored-offer", Variant.fixed,
                "put()s the same events: the publisher waits for room, nothing is lost");
    }

    @Override
    public void run(Duration duration) throws Exception {
        EventLog log = new EventLog();
        log.startWriter();
        long published = Pace.forEach(System.nanoTime() + duration.toNanos(), EventLog.PUBLISHED_PER_SECOND,
                i -> log.pending.put("event " + i));
        System.out.printf("published %,d events, stored %,d, %,d waiting, none lost%n", published, log.stored(),
                log.pending.size());
    }
}
