package com.example.shapes.actor;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** tell at 4,000/s to an actor that handles 1,000/s: its default mailbox has no bound. */
@Shape(buffer = "actor mailbox", behaviour = "continuous overload", expect = "queue-backlog")
public final class PekkoTellOverload {
    public static void main(String[] args) throws Exception {
        ActorSystem<Long> orders = ActorSystem.create(Behaviors.receive(Long.class)
                .onMessage(Long.class, order -> {
                    Load.work(1);
                    return Behaviors.same();
                }).build(), "orders");
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, orders::tell);
        Load.done("told");
    }
}
