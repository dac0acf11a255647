package io.manometer.junit5.cases;

import io.manometer.junit5.DetectBackpressure;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Run by ManometerExtensionTest through the JUnit engine, not by the build. */
@DetectBackpressure
public class LeakingCase {
    @Test
    void exportsIntoAnUnboundedPool() throws Exception {
        Exports.run(Executors.newFixedThreadPool(1), 4);
    }
}
