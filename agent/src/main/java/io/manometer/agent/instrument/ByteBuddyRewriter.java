package io.manometer.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import io.manometer.agent.AgentLog;
import io.manometer.agent.instrument.integration.LibraryIntegration;
import io.manometer.agent.instrument.integration.LibraryIntegrations;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;

/** Rewrites classes with Byte Buddy: redefinition with inlined advice, nothing generated at run time. */
final class ByteBuddyRewriter implements ClassRewriter {
    private final ByteBuddy byteBuddy = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
    final QueueTransformer queues;
    /** Whether ThreadPoolExecutor was loaded before the agent: then it has no counters field to inherit. */
    private final boolean executorSideTabled;
    private final List<LibraryIntegration> integrations = LibraryIntegrations.all();

    ByteBuddyRewriter(TypeHierarchy hierarchy, Set<String> queuesLoadedBeforeAgent, Set<String> sideTabled) {
        this.queues = new QueueTransformer(hierarchy, queuesLoadedBeforeAgent, sideTabled);
        this.executorSideTabled = sideTabled.contains("java.util.concurrent.ThreadPoolExecutor");
    }

    /**
     * Loads and exercises the queues' rewriting path once, on a JDK class, discarding the result:
     * the path an application's first queue class waits for.
     */
    void warmUpQueues(TypeHierarchy hierarchy) throws IOException {
        warmUp(hierarchy, "java/util/concurrent/ArrayBlockingQueue");
    }

    /** The same for the executors' paths (ThreadPerTaskExecutor, JDK 21+, takes the executors' path). */
    void warmUpExecutors(TypeHierarchy hierarchy) throws IOException {
        warmUp(hierarchy, "java/util/concurrent/ThreadPoolExecutor", "java/util/concurrent/ForkJoinPool");
    }

    private void warmUp(TypeHierarchy hierarchy, String... samples) throws IOException {
        for (String sample : samples) {
            byte[] bytes = systemClassFile(sample);
            rewrite(null, sample, bytes, hierarchy.classify(null, sample, bytes));
        }
    }

    @Override
    public byte[] rewrite(ClassLoader loader, String className, byte[] classFile, TypeHierarchy.Kind kind) {
        String name = className.replace('/', '.');
        ClassFileLocator locator = ClassFileTypes.locator(name, classFile, loader);
        TypeDescription type = ClassFileTypes.describe(name, locator);
        DynamicType.Builder<?> builder = byteBuddy.redefine(type, locator);
        builder = kind == TypeHierarchy.Kind.BUFFER ? queues.transform(builder, type, loader, classFile)
                : kind == TypeHierarchy.Kind.LIBRARY ? integrate(builder, type, className)
                : ExecutorTransformer.transform(builder, type, kind, executorSideTabled);
        return builder == null ? null : builder.make().getBytes();
    }

    private DynamicType.Builder<?> integrate(DynamicType.Builder<?> builder, TypeDescription type, String className) {
        for (LibraryIntegration integration : integrations) {
            if (integration.instruments(className)) {
                DynamicType.Builder<?> integrated = integration.transform(builder, type);
                if (integrated == null) {
                    AgentLog.info(type.getName() + " is not the version the agent's integration reads; not instrumented");
                }
                return integrated;
            }
        }
        return null;
    }

    private static byte[] systemClassFile(String name) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
            if (in == null) {
                throw new IOException("class file of " + name + " not found");
            }
            return in.readAllBytes();
        }
    }
}
