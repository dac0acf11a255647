package io.manometer.agent.instrument;

import io.manometer.agent.instrument.callsite.CallSiteRewriter;
import io.manometer.agent.instrument.integration.LibraryIntegrations;

import io.manometer.agent.AgentLog;
import io.manometer.agent.InjectedFault;
import io.manometer.agent.PartNotice;
import io.manometer.agent.model.OtherAgentCode;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's only class-file transformer. It looks at every class the JVM defines, rejects nearly
 * all of them from their header, and rewrites the few it instruments with Byte Buddy.
 *
 * <p>Start-up is why it is built this way. Byte Buddy's full agent builder loads about a thousand
 * classes, half a second of start-up on a small machine, before the application's main runs.
 * Here premain only registers this gate; Byte Buddy's transformation path is loaded on a daemon
 * thread in parallel with the application's start, and the first class that needs it waits for it
 * (bounded: a stuck warm-up costs that class its instrumentation, never the application a hang).
 * No Byte Buddy type appears in this class, so linking it loads none.
 */
final class ClassTransformation implements ClassFileTransformer {
    private static final long WARMUP_WAIT_SECONDS = 20;
    private static final AtomicInteger TRANSFORMED = new AtomicInteger();
    private static final AtomicInteger DEFINED = new AtomicInteger();

    private final Instrumentation inst;
    /** Whether to retransform ArrayDeque, LinkedList and the in-memory buffers (see PreloadedClassTransformation). */
    private final boolean arrayDeque;
    private final boolean linkedList;
    private final boolean memoryBuffers;
    private final TypeHierarchy hierarchy;
    private final Set<String> queuesLoadedBeforeAgent;
    /** Every class loaded before the agent; dropped once warm-up has looked at them. */
    private Class<?>[] loadedBeforeAgent;
    private final ModuleReadEdges readEdges;
    private final ProtectionDomain agentDomain = ClassTransformation.class.getProtectionDomain();
    /** Set while this thread transforms: classes it loads meanwhile are passed through untouched. */
    private final ThreadLocal<boolean[]> busy = ThreadLocal.withInitial(() -> new boolean[1]);
    private final CountDownLatch warmedUp = new CountDownLatch(1);
    /**
     * Released by the first class of the application (or the first class that needs the rewriter):
     * the background warm-up starts then, not during what the JVM runs between premain and main.
     * A recording started on the command line starts there, and on two cores the two slowed each
     * other: JFR was ready 0.2 to 0.3 s later (see BENCHMARKS.md). No class waits for the warm-up
     * before this is released, so nothing can wait on its own start.
     */
    private final CountDownLatch applicationStarted = new CountDownLatch(1);
    /** The warm-up starts after this at the latest, for a JVM that runs only the JDK's own code. */
    private static final long START_WARMUP_AFTER_MILLIS = 2000;
    private static final ClassLoader PLATFORM_LOADER = ClassLoader.getPlatformClassLoader();
    private volatile ClassRewriter rewriter;
    /** Null when call sites are not to be rewritten. */
    private final CallSiteRewriter callSites;
    private volatile boolean warnedNotReady;
    /** What retransformed the classes loaded before the agent, once warm-up has; null if nothing did. */
    private volatile PreloadedClassTransformation preloaded;

    ClassTransformation(Instrumentation inst, TypeHierarchy hierarchy, Class<?>[] loadedBeforeAgent,
                        Set<String> queuesLoadedBeforeAgent, ModuleReadEdges readEdges, boolean arrayDeque,
                        boolean linkedList, boolean memoryBuffers, CallSiteRewriter callSites) {
        this.loadedBeforeAgent = loadedBeforeAgent;
        this.memoryBuffers = memoryBuffers;
        this.inst = inst;
        this.callSites = callSites;
        this.arrayDeque = arrayDeque;
        this.linkedList = linkedList;
        this.hierarchy = hierarchy;
        this.queuesLoadedBeforeAgent = queuesLoadedBeforeAgent;
        this.readEdges = readEdges;
    }

    /** Stops transforming, and restores what was retransformed (see ManometerAgent's detach). */
    void uninstall(Instrumentation inst) {
        inst.removeTransformer(this);
        PreloadedClassTransformation retransformed = preloaded;
        if (retransformed != null) {
            retransformed.uninstall(inst);
        }
    }

    static int transformedCount() {
        return TRANSFORMED.get();
    }

    static int definedCount() {
        return DEFINED.get();
    }

    /**
     * Runs the warm-up, which loads and exercises the transformation path, then {@code then}, on a
     * daemon thread, once the application's first class is defined (see {@link #applicationStarted}).
     */
    void warmUpInBackground(Runnable then) {
        Thread thread = new Thread(new Runnable() { // not a lambda: no invokedynamic bootstrap in premain
            @Override
            public void run() {
                try {
                    applicationStarted.await(START_WARMUP_AFTER_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                warmUp();
                then.run();
            }
        }, "manometer-init");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the warm-up on this thread (premain's), then {@code then} on a daemon thread. */
    void warmUpNow(Runnable then) {
        warmUp();
        Thread thread = new Thread(then, "manometer-init");
        thread.setDaemon(true);
        thread.start();
    }

    private void warmUp() {
        boolean[] flag = busy.get();
        flag[0] = true;
        try {
            Map<Class<?>, TypeHierarchy.Kind> countable = PreloadedClassTransformation.countable(inst,
                    loadedBeforeAgent, hierarchy);
            loadedBeforeAgent = null;
            Set<String> sideTabled = new HashSet<>();
            countable.keySet().forEach(c -> sideTabled.add(c.getName()));
            ByteBuddyRewriter byteBuddy = new ByteBuddyRewriter(hierarchy, queuesLoadedBeforeAgent, sideTabled);
            byteBuddy.warmUpQueues(hierarchy);
            rewriter = byteBuddy;
            if (callSites != null) {
                callSites.counted(sideTabled);
            }
            // A class of the application waiting for the rewriter goes on now (the first is nearly
            // always a queue): the executors' warm-up and the retransformation of the classes loaded
            // before the agent (a safepoint each, ~100 ms) are none of its business.
            warmedUp.countDown();
            try {
                byteBuddy.warmUpExecutors(hierarchy);
            } catch (Throwable t) { // queues are instrumented already: this costs executors a cold path at most
                AgentLog.warn("the executors' instrumentation did not warm up; each is tried as it loads", t);
            }
            preloaded = PreloadedClassTransformation.install(inst, readEdges, arrayDeque, linkedList, memoryBuffers, countable,
                    byteBuddy.queues);
        } catch (Throwable t) {
            AgentLog.warn("instrumentation could not start; the agent records nothing", t);
        } finally {
            flag[0] = false;
            warmedUp.countDown();
        }
    }

    private static final PartNotice TRANSFORM_FAILED = new PartNotice(
            "a class could not be instrumented and was left unchanged; others that fail are counted (verbose=true names each)");

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) {
        if (className == null || classBeingRedefined != null || domain == agentDomain && domain != null) {
            return null;
        }
        DEFINED.incrementAndGet();
        if (loader != null && loader != PLATFORM_LOADER && applicationStarted.getCount() != 0) {
            applicationStarted.countDown();
        }
        boolean[] flag = busy.get();
        if (flag[0]) {
            return null;
        }
        flag[0] = true;
        try {
            InjectedFault.TRANSFORM.fireIfOn();
            // Another agent's own queues (its copy of JCTools, say) are its business, not the application's.
            TypeHierarchy.Kind kind = OtherAgentCode.owns(loader, className.replace('/', '.')) ? TypeHierarchy.Kind.NONE
                    : LibraryIntegrations.mayInstrument(className) ? TypeHierarchy.Kind.LIBRARY
                    : hierarchy.classify(loader, className, classFile);
            byte[] result = null;
            if (kind != TypeHierarchy.Kind.NONE && awaitWarmUp(className)) {
                result = rewriter.rewrite(loader, className, classFile, kind);
                if (result != null) {
                    AgentLog.info("instrumented " + kind.name().toLowerCase() + " " + className.replace('/', '.'));
                }
            }
            if (callSites != null && CallSiteRewriter.applies(loader, className)) {
                byte[] withSites = callSites.rewrite(className, result == null ? classFile : result);
                if (withSites != null) {
                    AgentLog.info("instrumented call sites in " + className.replace('/', '.'));
                    result = withSites;
                }
            }
            if (result != null) {
                readEdges.ensure(module);
                TRANSFORMED.incrementAndGet();
            }
            return result;
        } catch (Throwable t) {
            AgentLog.info("could not instrument " + className.replace('/', '.') + ": " + AgentLog.describe(t));
            TRANSFORM_FAILED.failed(className.replace('/', '.'), t);
            return null;
        } finally {
            flag[0] = false;
        }
    }

    private boolean awaitWarmUp(String className) throws InterruptedException {
        applicationStarted.countDown(); // a JDK class that needs the rewriter before the application's first
        if (!warmedUp.await(WARMUP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            if (!warnedNotReady) {
                warnedNotReady = true;
                AgentLog.warn("instrumentation not ready after " + WARMUP_WAIT_SECONDS + " s; "
                        + className.replace('/', '.') + " and classes loaded meanwhile are not instrumented");
            }
            return false;
        }
        return rewriter != null;
    }
}
