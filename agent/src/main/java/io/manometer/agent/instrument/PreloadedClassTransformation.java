package io.manometer.agent.instrument;

import io.manometer.agent.AgentLog;
import io.manometer.agent.instrument.QueueOperations.Operation;
import io.manometer.agent.instrument.advice.ArrayDequeAdvice;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import io.manometer.agent.instrument.advice.ByteArrayGrowthAdvice;
import io.manometer.agent.instrument.advice.CharArrayGrowthAdvice;
import io.manometer.agent.instrument.advice.StringWriterGrowthAdvice;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

/**
 * Instruments JDK classes the JVM loads before any agent: {@link ArrayDeque} and the in-memory
 * byte and char buffers. They can only be retransformed, so they get no counters field, only
 * advice that reads their own fields (see {@link ArrayDequeAdvice}, {@link ByteArrayGrowthAdvice}).
 * A transformer of its own, registered as retransform-capable, so another agent's retransformation
 * keeps this advice; the main transformer stays load-time only.
 */
final class PreloadedClassTransformation implements ClassFileTransformer {
    /** How one class is rewritten. */
    private interface Rewrite {
        DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, byte[] classFile);
    }

    private final Map<String, Rewrite> targets = new HashMap<>();
    private final ModuleReadEdges readEdges;

    private PreloadedClassTransformation(ModuleReadEdges readEdges) {
        this.readEdges = readEdges;
    }

    /** Called once Byte Buddy is loaded, off the application's threads. */
    static void install(Instrumentation inst, ModuleReadEdges readEdges, boolean arrayDeque, boolean memoryBuffers) {
        List<Class<?>> classes = new ArrayList<>();
        PreloadedClassTransformation transformation = new PreloadedClassTransformation(readEdges);
        if (arrayDeque) {
            classes.add(ArrayDeque.class);
            transformation.targets.put("java/util/ArrayDeque", PreloadedClassTransformation::watchArrayDeque);
        }
        if (memoryBuffers) {
            classes.add(ByteArrayOutputStream.class);
            classes.add(CharArrayWriter.class);
            classes.add(StringWriter.class);
            transformation.targets.put("java/io/StringWriter", (builder, bytes) -> builder.visit(
                    Advice.to(StringWriterGrowthAdvice.class).on(WRITES)));
            transformation.targets.put("java/io/ByteArrayOutputStream", (builder, bytes) -> builder.visit(
                    Advice.to(ByteArrayGrowthAdvice.class).on(WRITES)));
            transformation.targets.put("java/io/CharArrayWriter", (builder, bytes) -> builder.visit(
                    Advice.to(CharArrayGrowthAdvice.class).on(WRITES)));
        }
        if (classes.isEmpty()) {
            return;
        }
        if (!inst.isRetransformClassesSupported()) {
            AgentLog.info("retransformation unsupported: " + classes + " are not watched");
            return;
        }
        inst.addTransformer(transformation, true);
        for (Class<?> c : classes) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable t) {
                AgentLog.warn("could not instrument " + c.getName() + ", left unchanged", t);
            }
        }
    }

    /** Every way to write into a buffer; append and write(byte[]) delegate to one of these. */
    private static final ElementMatcher<MethodDescription> WRITES = ElementMatchers.<MethodDescription>isPublic()
            .and(ElementMatchers.named("write").or(ElementMatchers.named("writeBytes")));

    /**
     * Which end each counted operation moves decides which index its advice watches. Removals from
     * the middle ({@code delete(int)}, behind an iterator's remove and remove(Object)) are watched
     * at the head, where a queue drained through its iterator (OkHttp's dispatcher takes ready
     * calls that way) loses them: the threads that drain a deque that way are its consumers.
     */
    private static DynamicType.Builder<?> watchArrayDeque(DynamicType.Builder<?> builder, byte[] classFile) {
        Map<String, Operation> operations = QueueOperations.countedOperations(classFile);
        return builder
                .visit(advice(true, true).on(counted(operations, true, "Last")))
                .visit(advice(false, true).on(counted(operations, true, "First")))
                .visit(advice(false, false).on(counted(operations, false, "First")))
                .visit(advice(true, false).on(counted(operations, false, "Last")))
                .visit(advice(false, false).on(ElementMatchers.named("delete")
                        .and(ElementMatchers.takesArguments(int.class))));
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
        Rewrite rewrite = loader == null ? targets.get(className) : null;
        if (rewrite == null) {
            return null;
        }
        String name = className.replace('/', '.');
        try {
            ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                    ClassFileLocator.ForClassLoader.ofBootLoader());
            DynamicType.Builder<?> builder = new ByteBuddy()
                    .with(TypeValidation.DISABLED)
                    .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                    // A retransformation may not add members: fail rather than try.
                    .with(Implementation.Context.Disabled.Factory.INSTANCE)
                    .redefine(TypePool.Default.of(locator).describe(name).resolve(), locator);
            byte[] result = rewrite.apply(builder, classFile).make().getBytes();
            readEdges.ensure(module);
            AgentLog.info("instrumented " + name + " (no counters: loaded before the agent)");
            return result;
        } catch (Throwable t) {
            AgentLog.warn("could not instrument " + name + ", left unchanged", t);
            return null;
        }
    }
}
