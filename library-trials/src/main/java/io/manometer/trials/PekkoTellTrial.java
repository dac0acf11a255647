package io.manometer.trials;

import java.util.concurrent.Semaphore;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Pekko 1.7 typed actors. Broken: {@code tell} as fast as messages are made, to an actor that
 * handles them slower; the default mailbox (an unbounded node queue) holds the difference. Fixed:
 * a permit is taken before each {@code tell} and given back by the actor when the message is
 * handled, so at most 32 are waiting (what an ask with a bounded parallelism does).
 */
final class PekkoTellTrial {
    private static final int IN_FLIGHT = 32;

    private PekkoTellTrial() {}

    static void run(boolean fixed, long seconds) throws Exception {
        ActorSystem<Runnable> system = ActorSystem.create(Behaviors.receive(Runnable.class)
                .onMessage(Runnable.class, handled -> {
                    Pace.consume();
                    handled.run();
                    return Behaviors.same();
                }).build(), "orders");
        Semaphore permits = new Semaphore(IN_FLIGHT);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (Pace.before(deadline)) {
            if (fixed) {
                permits.acquire();
                system.tell(permits::release);
            } else {
                system.tell(() -> { });
            }
            Pace.produced(++n);
        }
        system.terminate();
    }
}
