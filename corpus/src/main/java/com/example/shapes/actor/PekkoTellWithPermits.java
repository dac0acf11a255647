package com.example.shapes.actor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.concurrent.Semaphore;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** A permit before each tell, given back when the actor has handled the message: at most 32 wait. */
@Shape(buffer = "actor mailbox", behaviour = "slow consumer behind a bound")
public final class PekkoTellWithPermits {
    public static void main(String[] args) throws Exception {
        ActorSystem<Runnable> orders = ActorSystem.create(Behaviors.receive(Runnable.class)
                .onMessage(Runnable.class, handled -> {
                    Load.work(1);
                    handled.run();
                    return Behaviors.same();
                }).build(), "orders");
        Semaphore permits = new Semaphore(32);
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> {
            permits.acquire();
            orders.tell(permits::release);
        });
        Load.done("told");
    }
}
