package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * On the writes of {@link java.io.ByteArrayOutputStream}: tells the agent when the array behind it
 * has just grown to {@value MemoryBuffers#LARGE} bytes or more. Growth doubles, so that is a handful
 * of calls per buffer; every other write costs two field reads and a compare.
 */
public final class ByteArrayGrowthAdvice {
    private ByteArrayGrowthAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static int enter(@Advice.FieldValue("buf") byte[] buf) {
        return buf.length;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.FieldValue("buf") byte[] buf, @Advice.Enter int before) {
        if (buf.length != before && buf.length >= MemoryBuffers.LARGE) {
            Bridge.memoryBufferGrew(self, buf.length);
        }
    }
}
