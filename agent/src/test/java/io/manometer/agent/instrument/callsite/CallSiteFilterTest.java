package io.manometer.agent.instrument.callsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import net.bytebuddy.jar.asm.ClassReader;
import org.junit.jupiter.api.Test;

class CallSiteFilterTest {
    @Test
    void aClassWithCallSitesPassesAndOneThatOnlyNamesTheirMethodsDoesNot() throws IOException {
        assertThat(mayHaveSites(CallSiteFixture.class)).isTrue();
        assertThat(mayHaveSites(NoCallSiteFixture.class)).isFalse();
        assertThat(mayHaveSites(ConstructionFixture.class)).isTrue(); // constructs queues
        assertThat(mayHaveSites(CallSiteFilterTest.class)).isFalse();
    }

    @Test
    void theWholeChainRewritesEveryShapeOnceAndTheClassStillLoads() throws Exception {
        Rewritten r = Rewritten.by(CallSiteFixture.class, CallSiteRewriter::chain);
        assertThat(r.sites).hasSize(6);
        assertThat(r.bridgeCalls).hasSize(6);
        assertThat(r.load().getDeclaredMethods()).isNotEmpty();
        assertThat(new CallSiteRewriter(new io.manometer.agent.tracking.InstrumentedSites(), java.util.Set.of())
                .rewrite("x", bytes(NoCallSiteFixture.class))).isNull();
    }

    private static boolean mayHaveSites(Class<?> type) throws IOException {
        byte[] bytes = bytes(type);
        return CallSiteFilter.mayHaveSites(new ClassReader(bytes), bytes);
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
