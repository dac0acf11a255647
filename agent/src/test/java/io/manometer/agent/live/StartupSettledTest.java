package io.manometer.agent.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartupSettledTest {
    @Test
    void aQuietJvmIsSettledAfterHalfASecondOfLooks() throws InterruptedException {
        AtomicInteger looks = new AtomicInteger();
        StartupSettled.await(() -> {
            looks.incrementAndGet();
            return 7_000; // a start-up already over: nothing more defined
        }, 60_000);
        assertThat(looks).hasValue(3); // a first look, then two a quarter of a second apart
    }

    @Test
    void aStartUpStillLoadingClassesIsWaitedForUntilHalfASecondIsQuiet() throws InterruptedException {
        AtomicInteger looks = new AtomicInteger();
        StartupSettled.await(() -> {
            int n = looks.incrementAndGet();
            return n <= 8 ? n * 100 : 800 + n; // 400 classes a second for two seconds, then a few
        }, 60_000);
        assertThat(looks).hasValue(10); // the first quiet half second ends two looks after the busy ones
    }

    @Test
    void aStartUpThatNeverQuietsIsWaitedForAtMostTheLongestWait() throws InterruptedException {
        AtomicInteger looks = new AtomicInteger();
        StartupSettled.await(() -> looks.incrementAndGet() * 1_000, 600);
        assertThat(looks.get()).isBetween(1, 4);
    }
}
