package io.manometer.agent.instrument.callsite;

import io.manometer.agent.model.LaunchKind;
import net.bytebuddy.jar.asm.Opcodes;

/** What a method call is to the agent, from its opcode, owner, name and descriptor alone. */
final class Calls {
    /** The kinds of call that are rewritten. */
    enum Call { OTHER, RETURNS_LAUNCH_HANDLE, STARTS_THREAD, OFFER, CHANNEL_WRITE }

    static final String COMPLETABLE_FUTURE = "java/util/concurrent/CompletableFuture";
    private static final String COMPLETABLE_FUTURE_RESULT = ")Ljava/util/concurrent/CompletableFuture;";

    private Calls() {}

    /** What a launching call launches, or null when it launches nothing the agent counts. */
    static LaunchKind launchKind(String owner, String name, String descriptor) {
        switch (name) {
            case "supplyAsync":
            case "runAsync":
                return owner.equals(COMPLETABLE_FUTURE) ? LaunchKind.COMPLETABLE_FUTURE : null;
            case "sendAsync":
                return descriptor.startsWith("(Ljava/net/http/HttpRequest;")
                        && descriptor.endsWith(COMPLETABLE_FUTURE_RESULT) ? LaunchKind.HTTP_SEND_ASYNC : null;
            case "submit":
                // Any object: libraries return their own futures (Guava's ListenableFuture, Netty's
                // Future, Spring's); the agent counts only what turns out to be a Future.
                return descriptor.endsWith(";") ? LaunchKind.EXECUTOR_SUBMIT : null;
            case "startVirtualThread":
                return owner.equals("java/lang/Thread") ? LaunchKind.VIRTUAL_THREAD_START : null;
            case "start":
                return owner.startsWith("java/lang/Thread$Builder")
                        && descriptor.equals("(Ljava/lang/Runnable;)Ljava/lang/Thread;")
                        ? LaunchKind.THREAD_START : null;
            default:
                return null;
        }
    }

    /** Interfaces and abstract bases: never the class of a {@code new}. */
    private static final java.util.Set<String> QUEUE_INTERFACES = java.util.Set.of("java/util/Queue",
            "java/util/Deque", "java/util/AbstractQueue", "java/util/concurrent/BlockingQueue",
            "java/util/concurrent/BlockingDeque", "java/util/concurrent/TransferQueue");

    /**
     * Whether a class (internal name) is, by its name, a queue whose construction is worth marking:
     * the JDK's and libraries' queue classes end in Queue or Deque ({@code LinkedList}, loaded
     * before the agent, has no counters to name it by). A wrong guess costs nothing: the agent names only a
     * queue of exactly this class.
     */
    static boolean isQueueClass(String internalName) {
        return looksLikeQueue(internalName) && !QUEUE_INTERFACES.contains(internalName);
    }

    /** A queue class or interface, by its (internal) name. */
    static boolean looksLikeQueue(String internalName) {
        return internalName.endsWith("Queue") || internalName.endsWith("Deque");
    }

    static Call classify(int opcode, String owner, String name, String descriptor) {
        if (launchKind(owner, name, descriptor) != null) {
            return Call.RETURNS_LAUNCH_HANDLE;
        }
        boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
        if (!virtual) {
            return Call.OTHER;
        }
        if (name.equals("start") && descriptor.equals("()V")) {
            return Call.STARTS_THREAD; // any class's start(): the agent checks it is a Thread
        }
        if ((name.equals("offer") || name.equals("offerFirst") || name.equals("offerLast"))
                && (descriptor.equals("(Ljava/lang/Object;)Z")
                || descriptor.equals("(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z"))) {
            return Call.OFFER;
        }
        if (name.equals("write") && descriptor.equals("(Ljava/nio/ByteBuffer;)I")) {
            return Call.CHANNEL_WRITE;
        }
        return Call.OTHER;
    }
}
