package io.manometer.agent.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Which line a capture names when the application's own helper runs what it was handed. */
class StackCaptureTest {
    /** An application helper that runs a function it is given, as a pacing loop or a retry wrapper does. */
    static final class Helper {
        static CallSite run(IntFunction<CallSite> step) {
            return step.apply(12);
        }
    }

    /** A method reference leaves no frame of its own: the line that wrote it is named, not the helper. */
    @Test
    void aMethodReferenceIsNamedWhereItWasWritten() {
        CallSite site = Helper.run(StackCapture::capture);
        assertThat(site.site()).startsWith(StackCaptureTest.class.getName() + ".aMethodReferenceIsNamedWhereItWasWritten(");
        assertThat(site.stack()).contains("StackCaptureTest$Helper.run(");
    }

    /** A lambda has a frame of its own, which is the line. */
    @Test
    void aLambdaIsNamedAtItsOwnLine() {
        CallSite site = Helper.run(depth -> StackCapture.capture(depth));
        assertThat(site.site()).startsWith(StackCaptureTest.class.getName() + ".lambda$aLambdaIsNamedAtItsOwnLine$");
    }
}
