package io.manometer.agent.it;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Another team's agent, built on its own (unshaded) Byte Buddy, instrumenting the same method as
 * Manometer. Its advice leaves a mark in a system property.
 */
public final class OtherAgent {
    private OtherAgent() {}

    public static void premain(String args, Instrumentation inst) {
        new AgentBuilder.Default()
                .ignore(none())
                .type(named("java.util.concurrent.LinkedBlockingQueue"))
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(Advice.to(MarkOffer.class).on(named("offer"))))
                .installOn(inst);
    }

    static final class MarkOffer {
        @Advice.OnMethodExit
        static void exit() {
            System.setProperty("other.agent.saw.offer", "true");
        }
    }
}
