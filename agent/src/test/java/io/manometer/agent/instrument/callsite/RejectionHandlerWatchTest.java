package io.manometer.agent.instrument.callsite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectionHandlerWatchTest {
    @Test
    void aHandlerThatLeavesDropsTheTaskAndOneThatRetriesHandlesIt() throws Exception {
        Rewritten r = Rewritten.by(CallSiteFixture.class, RejectionHandlerWatch::new);
        assertThat(r.sites.values()).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("ignored " + RejectionHandlerWatch.DROPPED + " "
                        + Rewritten.frameOf("dropsRejection")))
                .anySatisfy(s -> assertThat(s).startsWith("ignored " + RejectionHandlerWatch.CAUGHT + " "
                        + Rewritten.frameOf("retriesRejection")));
        assertThat(r.bridgeCalls).containsExactlyInAnyOrder("dropsRejection -> rejectionCaught",
                "retriesRejection -> rejectionCaught");
        assertThat(r.load().getDeclaredMethods()).isNotEmpty();
    }
}
