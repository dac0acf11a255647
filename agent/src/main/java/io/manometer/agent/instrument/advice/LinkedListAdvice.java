package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.asm.Advice;

/**
 * For LinkedList, loaded before any agent and far more often a list than a queue, yet the buffer
 * of some frameworks (Vert.x's ordered blocking tasks wait in one). After a node is linked or
 * unlinked, the list's own {@code size} field is compared: only a list of {@value #LARGE}+
 * elements, each time its size crosses a multiple of 128 (16 for a removal), tells the agent.
 * Small lists pay a field read and a branch, with no counter shared between threads or lists; a
 * large one is reported only if it grows and a second thread uses it, as for ArrayDeque
 * ({@link ArrayDequeAdvice}). Whether the operation inserts is a constant bound per method.
 */
public final class LinkedListAdvice {
    public static final int LARGE = ArrayDequeAdvice.LARGE;

    private LinkedListAdvice() {}

    /** Bound to true for the methods that link a node, false for those that unlink one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Links {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.FieldValue("size") int size, @Links boolean links) {
        if (size >= LARGE && (size & (links ? 127 : 15)) == 0) {
            Bridge.largeQueueUsed(self, links);
        }
    }
}
