package io.manometer.agent.instrument.callsite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LaunchHandOffTest {
    @Test
    void theLaunchedFutureAndTheStartedThreadAreHandedOverAtTheirLines() throws Exception {
        Rewritten r = Rewritten.by(CallSiteFixture.class, LaunchHandOff::new);
        assertThat(r.sites.values()).hasSize(2).anySatisfy(s -> assertThat(s)
                        .startsWith("launch COMPLETABLE_FUTURE " + Rewritten.frameOf("launches")))
                .anySatisfy(s -> assertThat(s).startsWith("launch THREAD_START " + Rewritten.frameOf("startsThread")));
        assertThat(r.bridgeCalls).containsExactlyInAnyOrder("launches -> asyncLaunched",
                "startsThread -> asyncLaunched");
        assertThat(r.load().getDeclaredMethods()).isNotEmpty();
    }

    @Test
    void aClassWithoutLaunchesIsLeftAlone() throws Exception {
        Rewritten r = Rewritten.by(NoCallSiteFixture.class, LaunchHandOff::new);
        assertThat(r.changed).isFalse();
        assertThat(r.sites).isEmpty();
    }
}
