package io.manometer.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records each test (of the class, or this method) with the Manometer agent's events and fails it
 * when it shows missing backpressure: a buffer whose producer outruns its consumer with nothing to
 * make it wait. The failure's message is the finding: kind, the application's line, the figures
 * and the fix. The thresholds suit a test that lasts seconds, not a service that runs for hours.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ManometerExtension.class)
public @interface DetectBackpressure {
    /** The lowest severity that fails the test: {@code info}, {@code warning}, {@code critical}. */
    String failOn() default "warning";

    /** How often the agent samples each buffer during the test. */
    long samplePeriodMillis() default 250;

    /** Seconds at the start of the test that are ignored (set-up fills buffers). */
    double warmupSeconds() default 0.5;

    /** Seconds of growth needed, after the warm-up, before it counts. */
    double minDurationSeconds() default 1.5;
}
