package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** As {@link ByteArrayGrowthAdvice}, for {@link java.io.CharArrayWriter} (two bytes a char). */
public final class CharArrayGrowthAdvice {
    private CharArrayGrowthAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static int enter(@Advice.FieldValue("buf") char[] buf) {
        return buf.length;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.FieldValue("buf") char[] buf, @Advice.Enter int before) {
        if (buf.length != before && buf.length * 2L >= MemoryBuffers.LARGE) {
            Bridge.memoryBufferGrew(self, buf.length * 2L);
        }
    }
}
