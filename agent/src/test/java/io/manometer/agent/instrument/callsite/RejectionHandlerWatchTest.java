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

    /**
     * A jump back into the loop around the submit, with nothing on the way that fetches other work,
     * tries the same task again: handled, whatever executor refused. A loop over items moves on.
     */
    @Test
    void aBackOffThatLoopsBackToTheSubmitIsARetry() throws Exception {
        Rewritten r = Rewritten.by(RetryFixture.class, RejectionHandlerWatch::new);
        assertThat(r.sites.values()).hasSize(4)
                .anySatisfy(s -> assertThat(s).startsWith("ignored " + RejectionHandlerWatch.CAUGHT + " "
                        + Rewritten.frameOf(RetryFixture.class, "backsOffAndRetries")))
                .anySatisfy(s -> assertThat(s).startsWith("ignored " + RejectionHandlerWatch.DROPPED + " "
                        + Rewritten.frameOf(RetryFixture.class, "dropsAndMovesOn")))
                .anySatisfy(s -> assertThat(s).startsWith("ignored " + RejectionHandlerWatch.DROPPED + " "
                        + Rewritten.frameOf(RetryFixture.class, "continuesWithTheNext")))
                // Load shed on purpose, with a trace: counted, not lost silently.
                .anySatisfy(s -> assertThat(s).startsWith("ignored " + RejectionHandlerWatch.COUNTED + " "
                        + Rewritten.frameOf(RetryFixture.class, "countsWhatItSheds")));
    }
}
