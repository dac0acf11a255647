package io.manometer.junit5.cases;

import io.manometer.junit5.DetectBackpressure;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Run by ManometerExtensionTest through the JUnit engine, not by the build. */
@DetectBackpressure
public class BoundedCase {
    @Test
    void exportsIntoABoundedPool() throws Exception {
        Exports.run(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                new ThreadPoolExecutor.CallerRunsPolicy()), 4);
    }

    @Test
    void endsInAnInstant() {
        new java.util.concurrent.LinkedBlockingQueue<Integer>().offer(1);
    }

    @Test
    void failsOnItsOwn() {
        throw new AssertionError("its own failure");
    }
}
