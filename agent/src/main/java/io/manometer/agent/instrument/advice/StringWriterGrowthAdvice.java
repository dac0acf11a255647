package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * On the writes of {@link java.io.StringWriter}. Its size sits behind the StringBuffer's lock, too
 * dear to read on every write, so one write in 256 (counted racily across all writers: a lost
 * increment only shifts the sample) reads it, and a writer holding {@value MemoryBuffers#LARGE}
 * bytes or more is reported. Large writers take many writes, so they are sampled soon.
 */
public final class StringWriterGrowthAdvice {
    private StringWriterGrowthAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.FieldValue("buf") StringBuffer buf) {
        if ((++Bridge.sampledWrites & 255) == 0) {
            long bytes = buf.length() * 2L;
            if (bytes >= MemoryBuffers.LARGE) {
                Bridge.memoryBufferGrew(self, bytes);
            }
        }
    }
}
