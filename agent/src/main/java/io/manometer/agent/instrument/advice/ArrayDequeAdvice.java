package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * For ArrayDeque, loaded before any agent and so without a counters field. An operation that moves
 * the tail (addLast, pollLast) looks at the tail index only, one that moves the head at the head:
 * a field the method just used, a mask, a branch. Only when that index crosses a multiple of 128
 * is the size computed, and only a deque of {@value #LARGE}+ elements tells the agent. That is how
 * a long-lived deque used as a buffer is found among the millions of small local ones, with no
 * counter shared between threads or between deques.
 */
public final class ArrayDequeAdvice {
    public static final int LARGE = 1024;

    private ArrayDequeAdvice() {}

    /** Inserts at the tail (addLast and what delegates to it). */
    public static final class InsertAtTail {
        private InsertAtTail() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.FieldValue("head") int head,
                         @Advice.FieldValue("tail") int tail, @Advice.FieldValue("elements") Object[] elements) {
            if ((tail & 127) == 0) {
                int size = tail - head;
                if ((size < 0 ? size + elements.length : size) >= LARGE) {
                    Bridge.largeQueueUsed(self, true);
                }
            }
        }
    }

    /** Inserts at the head (addFirst). */
    public static final class InsertAtHead {
        private InsertAtHead() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.FieldValue("head") int head,
                         @Advice.FieldValue("tail") int tail, @Advice.FieldValue("elements") Object[] elements) {
            if ((head & 127) == 0) {
                int size = tail - head;
                if ((size < 0 ? size + elements.length : size) >= LARGE) {
                    Bridge.largeQueueUsed(self, true);
                }
            }
        }
    }

    /** Removals at the head (pollFirst). */
    public static final class RemoveAtHead {
        private RemoveAtHead() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.FieldValue("head") int head,
                         @Advice.FieldValue("tail") int tail, @Advice.FieldValue("elements") Object[] elements) {
            if ((head & 127) == 0) {
                int size = tail - head;
                if ((size < 0 ? size + elements.length : size) >= LARGE) {
                    Bridge.largeQueueUsed(self, false);
                }
            }
        }
    }

    /** Removals at the tail (pollLast). */
    public static final class RemoveAtTail {
        private RemoveAtTail() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.FieldValue("head") int head,
                         @Advice.FieldValue("tail") int tail, @Advice.FieldValue("elements") Object[] elements) {
            if ((tail & 127) == 0) {
                int size = tail - head;
                if ((size < 0 ? size + elements.length : size) >= LARGE) {
                    Bridge.largeQueueUsed(self, false);
                }
            }
        }
    }
}
