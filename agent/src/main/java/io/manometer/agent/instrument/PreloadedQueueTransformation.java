package io.manometer.agent.instrument;

import io.manometer.agent.AgentLog;
import io.manometer.agent.instrument.QueueOperations.Operation;
import io.manometer.agent.instrument.advice.ArrayDequeAdvice;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Instruments {@link ArrayDeque}, which the JVM loads before any agent: it can only be
 * retransformed, so it gets no counters field, only advice that reads its size from its own fields
 * (see {@link ArrayDequeAdvice}). A transformer of its own, registered as retransform-capable,
 * so another agent's retransformation keeps this advice; the main transformer stays load-time only.
 */
final class PreloadedQueueTransformation implements ClassFileTransformer {
    private static final String TARGET = "java/util/ArrayDeque";
    private final ModuleReadEdges readEdges;

    private PreloadedQueueTransformation(ModuleReadEdges readEdges) {
        this.readEdges = readEdges;
    }

    /** Called once Byte Buddy is loaded, off the application's threads. */
    static void install(Instrumentation inst, ModuleReadEdges readEdges) {
        if (!inst.isRetransformClassesSupported()) {
            AgentLog.info("retransformation unsupported: ArrayDeque is not watched");
            return;
        }
        PreloadedQueueTransformation transformation = new PreloadedQueueTransformation(readEdges);
        inst.addTransformer(transformation, true);
        try {
            inst.retransformClasses(ArrayDeque.class);
        } catch (Throwable t) {
            inst.removeTransformer(transformation);
            AgentLog.warn("could not instrument java.util.ArrayDeque, left unchanged", t);
        }
    }

    private static Advice advice(boolean atTail, boolean insert) {
        return Advice.withCustomMapping()
                .bind(ArrayDequeAdvice.AtTail.class, atTail)
                .bind(ArrayDequeAdvice.Insert.class, insert)
                .to(ArrayDequeAdvice.class);
    }

    private static ElementMatcher<MethodDescription> counted(Map<String, Operation> operations, boolean insert,
                                                             String end) {
        Set<String> keys = new HashSet<>();
        operations.forEach((key, op) -> {
            if (op.insert == insert && key.substring(0, key.indexOf('(')).endsWith(end)) {
                keys.add(key);
            }
        });
        return m -> keys.contains(m.getInternalName() + m.getDescriptor());
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) {
        if (!TARGET.equals(className) || loader != null) {
            return null;
        }
        try {
            // Which end each counted operation moves decides which index its advice watches; other
            // removals (remove(Object), ...) are rare on buffers and left alone.
            Map<String, Operation> operations = QueueOperations.countedOperations(classFile);
            String name = TARGET.replace('/', '.');
            ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                    ClassFileLocator.ForClassLoader.ofBootLoader());
            DynamicType.Builder<?> builder = new ByteBuddy()
                    .with(TypeValidation.DISABLED)
                    .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                    // A retransformation may not add members: fail rather than try.
                    .with(Implementation.Context.Disabled.Factory.INSTANCE)
                    .redefine(TypePool.Default.of(locator).describe(name).resolve(), locator)
                    .visit(advice(true, true).on(counted(operations, true, "Last")))
                    .visit(advice(false, true).on(counted(operations, true, "First")))
                    .visit(advice(false, false).on(counted(operations, false, "First")))
                    .visit(advice(true, false).on(counted(operations, false, "Last")));
            readEdges.ensure(module);
            AgentLog.info("instrumented java.util.ArrayDeque (no counters: loaded before the agent)");
            return builder.make().getBytes();
        } catch (Throwable t) {
            AgentLog.warn("could not instrument java.util.ArrayDeque, left unchanged", t);
            return null;
        }
    }
}
