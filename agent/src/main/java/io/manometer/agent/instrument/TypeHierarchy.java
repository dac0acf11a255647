package io.manometer.agent.instrument;

import io.manometer.agent.model.QueueTypes;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Decides from class-file headers alone whether a class is one the agent instruments, for every
 * class the JVM loads. It must be cheap and load nothing: the supertypes of a class being defined
 * are often not loaded yet, so their headers are read as resources, and every answer is cached.
 */
final class TypeHierarchy {
    /** What a class is to the agent. */
    enum Kind {
        NONE, BUFFER, EXECUTOR, FORK_JOIN_POOL, THREAD_PER_TASK,
        /** ScheduledThreadPoolExecutor: a ThreadPoolExecutor whose submissions bypass its execute. */
        SCHEDULED_EXECUTOR,
        /** A class of a library that one of the agent's integrations instruments (see LibraryIntegrations). */
        LIBRARY
    }

    private static final String OBJECT = "java/lang/Object";
    private static final String QUEUE = "java/util/Queue";
    private static final String BLOCKING_QUEUE = "java/util/concurrent/BlockingQueue";
    private static final String EXECUTOR = "java/util/concurrent/ThreadPoolExecutor";
    private static final String SCHEDULED_EXECUTOR = "java/util/concurrent/ScheduledThreadPoolExecutor";
    private static final String FORK_JOIN_POOL = "java/util/concurrent/ForkJoinPool";
    /** JDK 21+: Executors.newVirtualThreadPerTaskExecutor and newThreadPerTaskExecutor. */
    private static final String THREAD_PER_TASK = "java/util/concurrent/ThreadPerTaskExecutor";
    private static final int MAX_DEPTH = 32;

    /** Bit 1: is a Queue; bit 2: is a BlockingQueue. Keyed by loader identity and name. */
    private final Map<String, Integer> facts = new ConcurrentHashMap<>();

    TypeHierarchy() {
        facts.put(key(null, OBJECT), 0);
        facts.put(key(null, QUEUE), 1);
        facts.put(key(null, BLOCKING_QUEUE), 3);
    }

    /** Records what the JVM already knows, so common supertypes never need reading. */
    void learnLoaded(Class<?>[] loaded) {
        for (Class<?> c : loaded) {
            if (c.getClassLoader() == null && !c.isArray() && !c.isPrimitive()) {
                int f = (Queue.class.isAssignableFrom(c) ? 1 : 0) | (BlockingQueue.class.isAssignableFrom(c) ? 3 : 0);
                facts.put(key(null, c.getName().replace('.', '/')), f);
            }
        }
    }

    /**
     * Reads one JDK class file before the agent's transformer is registered: the first read loads
     * the module system's reader classes, and loading them from inside the transformer, while one
     * of them is the class being defined, would be a ClassCircularityError in the JDK's code.
     */
    void warmUpClassFileReading() {
        facts(null, "java/util/AbstractQueue", 0);
    }

    /**
     * Whether a loaded class may be one of the JDK's queues or executors (they all live in
     * {@code java.util}), asked of the class itself: only such a class's file is worth reading.
     * ArrayDeque, which every JVM loads first, has a path of its own.
     */
    static boolean mayBeJdkBuffer(Class<?> c) {
        return c.getClassLoader() == null && !c.isInterface() && c != java.util.ArrayDeque.class
                && c.getName().startsWith("java.util.")
                && (Queue.class.isAssignableFrom(c) || java.util.concurrent.Executor.class.isAssignableFrom(c));
    }

    /** Classifies a class being defined from its own bytes. */
    Kind classify(ClassLoader loader, String name, byte[] classFile) {
        if (name.equals(EXECUTOR)) {
            return Kind.EXECUTOR;
        }
        if (name.equals(SCHEDULED_EXECUTOR)) {
            return Kind.SCHEDULED_EXECUTOR;
        }
        if (name.equals(FORK_JOIN_POOL)) {
            return Kind.FORK_JOIN_POOL;
        }
        if (name.equals(THREAD_PER_TASK)) {
            return Kind.THREAD_PER_TASK;
        }
        if (loader == null && !name.startsWith("java/util/")) {
            return Kind.NONE; // the JDK's buffers all live in java.util; its other classes need no look
        }
        ClassReader reader = new ClassReader(classFile);
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
            return Kind.NONE;
        }
        int f = facts(loader, reader, 0);
        facts.put(key(loader, name), f);
        return isBuffer(name, f) ? Kind.BUFFER : Kind.NONE;
    }

    /** Whether a (super)class, by name, is a buffer type the agent instruments. */
    boolean isBufferClass(ClassLoader loader, String name) {
        return isBuffer(name, facts(loader, name, 0));
    }

    /**
     * Every {@link Queue} may be a buffer between threads, JDK or third-party; which ones are is
     * decided when they are used (see {@link QueueTypes#builtForHandOff}).
     */
    private static boolean isBuffer(String name, int f) {
        return (f & 1) != 0 && !name.equals(QueueTypes.NOT_A_BUFFER);
    }

    private int facts(ClassLoader loader, String name, int depth) {
        Integer known = facts.get(key(loader, name));
        if (known == null && loader != null) {
            known = facts.get(key(null, name));
        }
        if (known != null) {
            return known;
        }
        if (depth > MAX_DEPTH) {
            return 0;
        }
        byte[] bytes = read(loader, name);
        int f = bytes == null ? 0 : facts(loader, new ClassReader(bytes), depth + 1);
        facts.put(key(bytes == null ? loader : definingLoaderGuess(loader, name), name), f);
        return f;
    }

    private int facts(ClassLoader loader, ClassReader reader, int depth) {
        int f = isQueueShaped(reader) ? 1 : 0;
        String superName = reader.getSuperName();
        if (superName != null) {
            f |= facts(loader, superName, depth + 1);
        }
        for (String iface : reader.getInterfaces()) {
            f |= facts(loader, iface, depth + 1);
        }
        return f;
    }

    /**
     * A library's own queue that is not a {@link Queue}, outside the JDK: an interface declaring both
     * {@code boolean offer(E)} and {@code E poll()} (RxJava's SimpleQueue, the shape of many), or a
     * class named as a queue ({@code ...Queue}, {@code ...Deque}) that declares {@code E poll()} and
     * an {@code add(E)} or {@code offer(E)} (Akka's and Pekko's AbstractNodeQueue, every actor's
     * default mailbox). Their implementations are buffers like any Queue. A class needs its name
     * too, as one that merely has two such methods says less about what it is.
     */
    private static boolean isQueueShaped(ClassReader reader) {
        String name = reader.getClassName();
        if (name.startsWith("java/")) {
            return false;
        }
        boolean isInterface = (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
        String simpleName = name.substring(name.lastIndexOf('/') + 1);
        if (!isInterface && !simpleName.endsWith("Queue") && !simpleName.endsWith("Deque")) {
            return false;
        }
        boolean[] insertAndPoll = new boolean[2];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                if ((access & Opcodes.ACC_STATIC) == 0) {
                    insertAndPoll[0] |= method.equals("offer") && descriptor.equals("(Ljava/lang/Object;)Z")
                            || !isInterface && method.equals("add") && descriptor.startsWith("(Ljava/lang/Object;)");
                    insertAndPoll[1] |= method.equals("poll") && descriptor.equals("()Ljava/lang/Object;");
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return insertAndPoll[0] && insertAndPoll[1];
    }

    /** JDK classes are the boot loader's wherever they are asked from; caching them once saves reads. */
    private static ClassLoader definingLoaderGuess(ClassLoader loader, String name) {
        return name.startsWith("java/") ? null : loader;
    }

    static byte[] read(ClassLoader loader, String name) {
        String resource = name + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String key(ClassLoader loader, String name) {
        return loader == null ? name : System.identityHashCode(loader) + "/" + name;
    }
}
