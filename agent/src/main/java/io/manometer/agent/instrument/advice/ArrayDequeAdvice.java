package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * For ArrayDeque, loaded before any agent and so without a counters field: its size is computed
 * from its own fields (a few instructions), and only a deque holding at least {@value #LARGE}
 * elements, and only when its size crosses a multiple of 128, tells the agent. That is how a
 * long-lived deque used as a buffer is found among the millions of small local ones; the deque's
 * own size is the sampling clock, so no counter is shared between threads or between deques.
 */
public final class ArrayDequeAdvice {
    public static final int LARGE = 1024;

    private ArrayDequeAdvice() {}

    /** On inserts. */
    public static final class Insert {
        private Insert() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.FieldValue("head") int head,
                         @Advice.FieldValue("tail") int tail, @Advice.FieldValue("elements") Object[] elements) {
            int size = tail - head;
            size = size < 0 ? size + elements.length : size;
            if (size >= LARGE && (size & 127) == 0) {
                Bridge.largeQueueUsed(self, true);
            }
        }
    }

    /** On removals. */
    public static final class Remove {
        private Remove() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.FieldValue("head") int head,
                         @Advice.FieldValue("tail") int tail, @Advice.FieldValue("elements") Object[] elements) {
            int size = tail - head;
            size = size < 0 ? size + elements.length : size;
            if (size >= LARGE && (size & 127) == 0) {
                Bridge.largeQueueUsed(self, false);
            }
        }
    }
}
