package io.manometer.agent.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The method names by which any queue, JDK or library, moves elements in or out. Instrumentation
 * reads them to find the operations to count; tracking, to tell a queue fed from inside another
 * queue's insert (its storage) from one fed by a producer.
 */
public final class QueueMethods {
    private static final Map<String, Boolean> INSERT_OR_REMOVE_BY_NAME = new HashMap<>();

    // relaxedOffer and relaxedPoll are JCTools' MessagePassingQueue (also shaded into Netty). A
    // library's bulk drain(...) is not counted: the sampler takes up whatever left uncounted when it
    // finds the queue empty.
    static {
        for (String name : new String[] {"add", "offer", "put", "addFirst", "addLast", "offerFirst",
                "offerLast", "push", "putFirst", "putLast", "transfer", "tryTransfer", "relaxedOffer"}) {
            INSERT_OR_REMOVE_BY_NAME.put(name, Boolean.TRUE);
        }
        for (String name : new String[] {"poll", "take", "remove", "removeFirst", "removeLast",
                "pollFirst", "pollLast", "pop", "takeFirst", "takeLast", "drainTo",
                "removeFirstOccurrence", "removeLastOccurrence", "relaxedPoll"}) {
            INSERT_OR_REMOVE_BY_NAME.put(name, Boolean.FALSE);
        }
    }

    private QueueMethods() {}

    /** True for a name that inserts, false for one that removes, null for one that moves nothing. */
    public static Boolean insertsOrRemoves(String methodName) {
        return INSERT_OR_REMOVE_BY_NAME.get(methodName);
    }

    /** Whether a method of this name inserts, whatever its descriptor. */
    public static boolean isInsert(String methodName) {
        return Boolean.TRUE.equals(INSERT_OR_REMOVE_BY_NAME.get(methodName));
    }
}
