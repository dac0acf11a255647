package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.asm.Advice;

/**
 * For ArrayDeque, loaded before any agent and so without a counters field. An operation that moves
 * the tail (addLast, pollLast) looks at the tail index only, one that moves the head at the head:
 * a field the method just used, a mask, a branch. Only when that index crosses a multiple of 128
 * (16 for a removal) is the size computed, and only a deque of {@value #LARGE}+ elements tells the
 * agent. That is how a long-lived deque used as a buffer is found among the millions of small local
 * ones, with no counter shared between threads or between deques. Which end and which direction
 * are constants bound per method, so the JIT folds them away.
 *
 * <p>Removals are told more often because the thread that makes a deque worth reporting (used by a
 * second thread) is usually a consumer, and a slow one: OkHttp's dispatcher moves most ready calls
 * out on the producer's own thread, and its workers' removals, a few per second, would rarely fall
 * on a multiple of 128. The agent answers a thread it has seen on that deque without a lock.
 */
public final class ArrayDequeAdvice {
    public static final int LARGE = 1024;

    private ArrayDequeAdvice() {}

    /** Bound to true for operations that move the tail index, false for the head. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface AtTail {}

    /** Bound to true for inserts, false for removals. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Insert {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.FieldValue("head") int head,
                     @Advice.FieldValue("tail") int tail, @Advice.FieldValue("elements") Object[] elements,
                     @AtTail boolean atTail, @Insert boolean insert) {
        // The array's length is tested first: for a deque made in the method being compiled, it is
        // the constant its constructor allocated, so the JIT drops the rest, call included, and the
        // deque can still be scalar-replaced (a call it might be passed to would make it escape).
        if (elements.length > LARGE && ((atTail ? tail : head) & (insert ? 127 : 15)) == 0) {
            int size = tail - head;
            if ((size < 0 ? size + elements.length : size) >= LARGE) {
                Bridge.largeQueueUsed(self, insert);
            }
        }
    }
}
