package io.manometer.agent.instrument.callsite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscardedResultRewriteTest {
    @Test
    void aDiscardedOfferOrWriteIsCountedWhereItIsDiscardedAndACheckedOneIsLeftAlone() throws Exception {
        Rewritten r = Rewritten.by(CallSiteFixture.class, DiscardedResultRewrite::new);
        assertThat(r.sites.values()).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("ignored java.util.Queue.offer "
                        + Rewritten.frameOf("discardsOffer")))
                .anySatisfy(s -> assertThat(s).startsWith("ignored java.nio.channels.WritableByteChannel.write "
                        + Rewritten.frameOf("discardsWrite")));
        assertThat(r.bridgeCalls).containsExactlyInAnyOrder("discardsOffer -> offerResultIgnored",
                "discardsWrite -> channelWriteIgnored");
        assertThat(r.load().getDeclaredMethods()).isNotEmpty();
    }
}
