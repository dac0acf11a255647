package io.manometer.agent.tracking;

import io.manometer.agent.InjectedFault;
import io.manometer.agent.PartNotice;
import java.util.ArrayList;
import java.util.List;
import io.manometer.agent.model.CounterFieldName;
import io.manometer.agent.model.OtherAgentCode;
import io.manometer.agent.model.QueueMethods;
import io.manometer.schema.StackFrames;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Captures the frames that led to a buffer operation, without the agent's own frames, the queue's
 * own methods, or the executor constructors being run: they say nothing about who built or fed it.
 */
public final class StackCapture {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** For sites: also the hidden frames of lambdas and method references, which say where they were written. */
    private static final StackWalker SITE_WALKER = StackWalker.getInstance(
            java.util.Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));
    /** How a hidden lambda or method-reference class is named after the class that wrote it. */
    private static final String LAMBDA_MARK = "$$Lambda";
    private static final String BRIDGE_PACKAGE = "io.manometer.agent.bootstrap.";
    /**
     * Distinct call sites are few, buffers many: every buffer created or fed from the same place
     * shares one CallSite. Bounded, so a program with endless distinct stacks cannot grow it.
     */
    private static final int MAX_INTERNED = 4096;
    private static final java.util.concurrent.ConcurrentHashMap<String, CallSite> INTERNED =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Every agent class comes from the agent jar; matching the domain, not a name prefix, is exact. */
    private static final java.security.ProtectionDomain AGENT_DOMAIN = StackCapture.class.getProtectionDomain();

    private StackCapture() {}

    public static CallSite capture(int maxFrames) {
        return capture(maxFrames, null);
    }

    /** Set once at start-up, from the agent's options and the launched main class. */
    private static volatile ApplicationCode application = ApplicationCode.inferred();

    public static void recognise(ApplicationCode code) {
        application = code;
    }

    /** Whether a class, known only by name (a class being loaded), is likely the application's. */
    static boolean isApplicationClass(String className) {
        return application.rankByName(className) <= ApplicationCode.LIKELY;
    }

    /**
     * The site is the first frame of the best {@link ApplicationCode} rank, for a buffer or
     * executor of class {@code owner} (null for none). A library's queue that the library creates
     * and feeds (Reactor's {@code Flux.create} buffer, made in {@code reactor.util.concurrent.Queues})
     * is named where the application called into the library, whether the library came in its own
     * jar or shaded beside the application.
     */
    public static CallSite capture(int maxFrames, Class<?> owner) {
        return capture(maxFrames, maxFrames, owner);
    }

    /**
     * Deep inside a library (a Netty pipeline, gRPC's framer), the application's line can be dozens
     * of frames out: looks as far as {@code searchFrames} for it, and keeps {@code maxFrames} of the
     * stack, from the library call the application made outwards.
     */
    public static CallSite captureDeep(int maxFrames, int searchFrames) {
        return capture(maxFrames, Math.max(maxFrames, searchFrames), null);
    }

    private static final PartNotice CAPTURE_FAILED = new PartNotice(
            "a stack could not be captured; the buffer is tracked without its line");

    /** Never throws: a stack that cannot be read costs the buffer its line, never its counting. */
    private static CallSite capture(int maxFrames, int searchFrames, Class<?> owner) {
        try {
            InjectedFault.STACK_CAPTURE.fireIfOn();
            return walk(maxFrames, searchFrames, owner);
        } catch (Throwable t) {
            CAPTURE_FAILED.failed(t);
            return CallSite.UNKNOWN;
        }
    }

    private static CallSite walk(int maxFrames, int searchFrames, Class<?> owner) {
        int[] kept = {0};
        List<StackWalker.StackFrame> frames = SITE_WALKER.walk(stream -> stream
                .filter(f -> !isAgentFrame(f) && !isInsideBuffer(f))
                .takeWhile(f -> f.getDeclaringClass().isHidden() || kept[0]++ < searchFrames)
                .toList());
        ApplicationCode code = application;
        List<String> lines = new ArrayList<>(Math.min(frames.size(), searchFrames));
        List<String> classes = new ArrayList<>(lines.size());
        String site = null;
        int siteIndex = 0;
        int siteRank = ApplicationCode.JDK;
        String siteLambdaWriter = null;
        String lambdaWriter = null; // the class that wrote the lambda just called, if one was
        Boolean otherAgent = null; // decided by the first frame outside the JDK
        for (StackWalker.StackFrame frame : frames) {
            if (frame.getDeclaringClass().isHidden()) {
                int mark = frame.getClassName().indexOf(LAMBDA_MARK);
                lambdaWriter = mark > 0 ? frame.getClassName().substring(0, mark) : lambdaWriter;
                continue;
            }
            String line = format(frame);
            lines.add(line);
            classes.add(frame.getClassName());
            if (otherAgent == null && !StackFrames.isJdk(frame.getClassName())) {
                otherAgent = OtherAgentCode.owns(frame.getDeclaringClass());
            }
            if (siteRank > ApplicationCode.DECLARED) { // the first declared frame cannot be bettered
                int rank = code.rank(frame.getDeclaringClass(), owner);
                if (rank < siteRank) {
                    site = line;
                    siteIndex = lines.size() - 1;
                    siteRank = rank;
                    siteLambdaWriter = lambdaWriter;
                }
            }
            lambdaWriter = null;
        }
        if (lines.isEmpty()) {
            return CallSite.UNKNOWN;
        }
        // The site called a method reference (orders::tell handed to a helper of the application's):
        // the line that wrote it, further down the stack, says what was done; the helper only ran it.
        if (siteLambdaWriter != null && !siteLambdaWriter.equals(classes.get(siteIndex))) {
            for (int i = siteIndex + 1; i < lines.size(); i++) {
                if (classes.get(i).equals(siteLambdaWriter)) {
                    site = lines.get(i);
                    siteIndex = i;
                    break;
                }
            }
        }
        if (lines.size() > maxFrames) { // keep the call into the library, the site, and what called it
            int from = Math.max(0, Math.min(siteIndex - 1, lines.size() - maxFrames));
            lines = lines.subList(from, from + maxFrames);
        }
        String creator = lines.get(0);
        String stack = String.join(StackFrames.SEPARATOR, lines);
        CallSite known = INTERNED.get(stack);
        if (known != null) {
            return known;
        }
        CallSite fresh = new CallSite(site != null ? site : creator, creator, stack,
                siteRank <= ApplicationCode.LIKELY, otherAgent == Boolean.TRUE);
        if (INTERNED.size() < MAX_INTERNED) {
            INTERNED.putIfAbsent(stack, fresh);
        }
        return fresh;
    }

    /**
     * Whether this insert comes from inside another queue's methods: then the buffer is that
     * queue's storage (a DelayQueue's PriorityQueue, a wrapper's delegate) and reporting it would
     * report the same growth twice.
     */
    public static boolean fedByAnotherQueue(Object buffer) {
        Class<?> own = buffer.getClass();
        // Only from inside the other queue's own insert: RxJava's and Reactor's operators implement
        // their queue-fusion interface (offer and poll, offer unsupported) and feed a real queue
        // from onNext, which is that queue's producer, not a wrapper.
        return WALKER.walk(stream -> stream
                .filter(f -> !isAgentFrame(f) && !f.getDeclaringClass().isAssignableFrom(own))
                .limit(1)
                .anyMatch(f -> BUFFER_CLASS.get(f.getDeclaringClass())
                        && QueueMethods.isInsert(f.getMethodName())));
    }

    /** Whether the code calling into the agent now (its first frame outside the JDK) is another agent's. */
    public static boolean fromAnotherAgent() {
        return WALKER.walk(stream -> stream
                .filter(f -> !isAgentFrame(f) && !StackFrames.isJdk(f.getClassName()))
                .limit(1)
                .anyMatch(f -> OtherAgentCode.owns(f.getDeclaringClass())));
    }

    static String format(StackWalker.StackFrame frame) {
        return StackFrames.format(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
                frame.getLineNumber());
    }

    private static boolean isAgentFrame(StackWalker.StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        return type.getProtectionDomain() == AGENT_DOMAIN
                || type.getClassLoader() == null && frame.getClassName().startsWith(BRIDGE_PACKAGE);
    }

    private static boolean isInsideBuffer(StackWalker.StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        return BUFFER_CLASS.get(type)
                || frame.getMethodName().equals("<init>") && Executor.class.isAssignableFrom(type);
    }

    /**
     * A queue, or a library's own queue type that is not a {@link Queue} (instrumented because its
     * interface has offer and poll): that one carries the agent's counters field somewhere up its
     * class hierarchy. Frames of either are the buffer's own, not the line that uses it.
     */
    private static final ClassValue<Boolean> BUFFER_CLASS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (Queue.class.isAssignableFrom(type)) {
                return true;
            }
            if (Executor.class.isAssignableFrom(type)) {
                return false; // executors carry the field too, and their execute frame is worth showing
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    c.getDeclaredField(CounterFieldName.NAME);
                    return true;
                } catch (NoSuchFieldException | RuntimeException | LinkageError e) {
                    // not this class
                }
            }
            return false;
        }
    };
}
