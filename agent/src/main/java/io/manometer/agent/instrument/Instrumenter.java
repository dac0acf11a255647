package io.manometer.agent.instrument;

import io.manometer.agent.config.AgentOptions;
import io.manometer.agent.config.AgentOptions.Key;
import io.manometer.agent.instrument.callsite.CallSiteRewriter;
import io.manometer.agent.model.CallSiteRegistry;
import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;

/** Installs the agent's class transformation. */
public final class Instrumenter {
    private Instrumenter() {}

    private static volatile ClassTransformation installed;

    /** Removes the agent's transformers and restores the classes it retransformed. */
    public static void uninstall(Instrumentation inst) {
        ClassTransformation transformation = installed;
        installed = null;
        if (transformation != null) {
            transformation.uninstall(inst);
        }
    }

    /** Classes transformed so far, for the recording's agent-info event. */
    public static int transformedCount() {
        return ClassTransformation.transformedCount();
    }

    /** Classes the JVM has defined since the agent started: how busy the application's start-up still is. */
    public static int classesDefined() {
        return ClassTransformation.definedCount();
    }

    /**
     * Registers the transformer now and finishes setting up on a background thread, which runs
     * {@code afterWarmUp} once Byte Buddy is loaded: nothing there delays the application's main.
     */
    public static void install(Instrumentation inst, Module bridgeModule, AgentOptions options, CallSiteRegistry sites,
                               Runnable afterWarmUp) {
        // Without safe mode Byte Buddy probes sun.misc.Unsafe, which JDK 24+ reports on stderr. The
        // shade plugin relocates this name with the classes, so it only ever reaches our copy.
        System.setProperty("net.bytebuddy.safe", "true");
        Class<?>[] loaded = inst.getAllLoadedClasses();
        TypeHierarchy hierarchy = new TypeHierarchy();
        hierarchy.learnLoaded(loaded);
        hierarchy.warmUpClassFileReading();
        Set<String> queuesLoadedBefore = queueClassesAmong(loaded);
        ClassTransformation transformation = new ClassTransformation(inst, hierarchy, loaded, queuesLoadedBefore,
                new ModuleReadEdges(inst, bridgeModule), options.flag(Key.ARRAY_DEQUE), options.flag(Key.LINKED_LIST),
                options.flag(Key.MEMORY_BUFFERS),
                options.flag(Key.CALL_SITES) ? new CallSiteRewriter(sites, queuesLoadedBefore) : null);
        inst.addTransformer(transformation, false);
        installed = transformation;
        if (anotherAgentLoadedBuffers(loaded)) {
            // Their objects made before the retransformation would have no creation site: wait.
            transformation.warmUpNow(afterWarmUp);
        } else {
            transformation.warmUpInBackground(afterWarmUp);
        }
    }

    /**
     * Whether a JDK queue or executor class the agent counts is already loaded, as after another
     * agent's premain (a plain JVM loads only ArrayDeque, which has a path of its own). Then the
     * warm-up, which retransforms them, runs before the application's main, at the cost of about
     * 1.4 s of start-up on a two-core machine (see BENCHMARKS.md).
     */
    private static boolean anotherAgentLoadedBuffers(Class<?>[] loaded) {
        for (Class<?> c : loaded) {
            if (TypeHierarchy.mayBeJdkBuffer(c)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> queueClassesAmong(Class<?>[] loaded) {
        Set<String> names = new HashSet<>();
        for (Class<?> c : loaded) {
            if (Queue.class.isAssignableFrom(c)) {
                names.add(c.getName());
            }
        }
        return names;
    }
}
