package io.manometer.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.manometer.agent.AgentLog;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/** Installs the agent's class transformations. */
public final class Instrumenter {
    private static final AtomicInteger TRANSFORMED = new AtomicInteger();

    private Instrumenter() {}

    /** Classes transformed so far, for the recording's agent-info event. */
    public static int transformedCount() {
        return TRANSFORMED.get();
    }

    public static void install(Instrumentation inst, Module bridgeModule) {
        // Without safe mode Byte Buddy probes sun.misc.Unsafe, which JDK 24+ reports on stderr. The
        // shade plugin relocates this name with the classes, so it only ever reaches our copy.
        System.setProperty("net.bytebuddy.safe", "true");
        ModuleReadEdges readEdges = new ModuleReadEdges(inst, bridgeModule);
        ElementMatcher.Junction<TypeDescription> bufferTypes = bufferTypes();
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .with(AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(new FailureListener())
                // Replaces the default, which skips every bootstrap class, i.e. all of java.util.concurrent.
                .ignore(Instrumenter::isAgentClass)
                .or(nameStartsWith("jdk.internal.reflect.").or(isSynthetic()))
                .type(bufferTypes)
                .transform(new QueueTransformer(bufferTypes, queueClassesLoaded(inst), readEdges))
                .type(named("java.util.concurrent.ThreadPoolExecutor"))
                .transform(new ExecutorTransformer(readEdges))
                .installOn(inst);
    }

    /**
     * The queues worth watching as buffers between threads: every {@link BlockingQueue}, JDK or
     * third-party, and the JDK's concurrent non-blocking queues.
     */
    static ElementMatcher.Junction<TypeDescription> bufferTypes() {
        return not(isInterface()).and(isSubTypeOf(BlockingQueue.class)
                .or(isSubTypeOf(Queue.class).and(nameStartsWith("java.util.concurrent."))));
    }

    /** The agent's own classes (shaded Byte Buddy included): they come from the agent jar, nothing else does. */
    private static boolean isAgentClass(TypeDescription type, ClassLoader loader, JavaModule module,
                                        Class<?> classBeingRedefined, ProtectionDomain domain) {
        return domain != null && domain == Instrumenter.class.getProtectionDomain();
    }

    private static Set<String> queueClassesLoaded(Instrumentation inst) {
        Set<String> names = new HashSet<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (Queue.class.isAssignableFrom(c)) {
                names.add(c.getName());
            }
        }
        return names;
    }

    /** One warning line per class that could not be transformed; it loads unchanged. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            TRANSFORMED.incrementAndGet();
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            AgentLog.warn("could not instrument " + typeName + ", left unchanged", error);
        }
    }
}
