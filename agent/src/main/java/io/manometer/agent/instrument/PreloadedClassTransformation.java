package io.manometer.agent.instrument;

import io.manometer.agent.AgentLog;
import io.manometer.agent.model.OtherAgentCode;
import io.manometer.schema.StackFrames;
import java.util.Queue;
import io.manometer.agent.instrument.QueueOperations.Operation;
import io.manometer.agent.instrument.advice.ArrayDequeAdvice;
import io.manometer.agent.instrument.advice.LinkedListAdvice;
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
import java.util.LinkedList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Instruments JDK classes the JVM loaded before this agent: {@link ArrayDeque}, {@link LinkedList}
 * and the in-memory byte and char buffers, which every JVM loads first, and the queues and executors another agent's
 * premain used (the OpenTelemetry, Elastic and Datadog agents load {@code ThreadPoolExecutor},
 * {@code LinkedBlockingQueue} and more). They can only be retransformed, so they get no counters
 * field: ArrayDeque, LinkedList and the byte buffers get advice that reads their own fields (see
 * {@link ArrayDequeAdvice}, {@link LinkedListAdvice}, {@link ByteArrayGrowthAdvice}); the queues and executors count as
 * usual, in the side table ({@link CounterAccess}).
 * A transformer of its own, registered as retransform-capable, so another agent's retransformation
 * keeps this advice; the main transformer stays load-time only.
 */
final class PreloadedClassTransformation implements ClassFileTransformer {
    /** How one class is rewritten. */
    private interface Rewrite {
        DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type, byte[] classFile);
    }

    private final Map<Class<?>, Rewrite> targets = new HashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final ModuleReadEdges readEdges;

    private PreloadedClassTransformation(ModuleReadEdges readEdges) {
        this.readEdges = readEdges;
    }

    /**
     * The queue and executor classes among those loaded before the agent that are to count in the
     * side table: the JDK's (loaded by another agent's premain, or by anyone before an attach) and,
     * after an attach, the application's and its libraries' queues; those that perform a counted
     * operation themselves. (AbstractQueue, loaded early by every JVM with another agent, only
     * delegates; leaving it alone leaves its subclasses loaded later on the field path.) Another
     * agent's classes are its own business.
     */
    static Map<Class<?>, TypeHierarchy.Kind> countable(Instrumentation inst, Class<?>[] loaded,
                                                       TypeHierarchy hierarchy) {
        Map<Class<?>, TypeHierarchy.Kind> countable = new HashMap<>();
        for (Class<?> c : loaded) {
            if (c.isInterface() || c.isArray() || c.isPrimitive() || c.isHidden() || c == ArrayDeque.class
                    || !inst.isModifiableClass(c)) {
                continue;
            }
            ClassLoader loader = c.getClassLoader();
            String name = c.getName();
            // Asked of the loaded class first: only a candidate's class file is read.
            boolean candidate = loader == null ? TypeHierarchy.mayBeJdkBuffer(c)
                    : Queue.class.isAssignableFrom(c) && !StackFrames.isJdk(name) && !OtherAgentCode.owns(c);
            if (!candidate) {
                continue;
            }
            String internalName = name.replace('.', '/');
            byte[] classFile = TypeHierarchy.read(loader, internalName);
            if (classFile == null) {
                continue;
            }
            TypeHierarchy.Kind kind = hierarchy.classify(loader, internalName, classFile);
            if (kind != TypeHierarchy.Kind.NONE
                    && (kind != TypeHierarchy.Kind.BUFFER || QueueTransformer.countsAnything(classFile))) {
                countable.put(c, kind);
            }
        }
        return countable;
    }

    /** Called once Byte Buddy is loaded, off the application's threads; null when nothing was retransformed. */
    static PreloadedClassTransformation install(Instrumentation inst, ModuleReadEdges readEdges, boolean arrayDeque,
                                                boolean linkedList, boolean memoryBuffers, Map<Class<?>, TypeHierarchy.Kind> countable,
                                                QueueTransformer queues) {
        PreloadedClassTransformation transformation = new PreloadedClassTransformation(readEdges);
        List<Class<?>> classes = transformation.classes;
        countable.forEach((c, kind) -> {
            classes.add(c);
            transformation.targets.put(c, kind == TypeHierarchy.Kind.BUFFER
                    ? (builder, type, bytes) -> queues.transformLoaded(builder, type, bytes)
                    : (builder, type, bytes) -> ExecutorTransformer.transformLoaded(builder, kind));
        });
        if (arrayDeque) {
            classes.add(ArrayDeque.class);
            transformation.targets.put(ArrayDeque.class, PreloadedClassTransformation::watchArrayDeque);
        }
        if (linkedList) {
            classes.add(LinkedList.class);
            transformation.targets.put(LinkedList.class, (builder, type, bytes) -> builder
                    .visit(linkedListAdvice(true).on(LINKS))
                    .visit(linkedListAdvice(false).on(UNLINKS)));
        }
        if (memoryBuffers) {
            classes.add(ByteArrayOutputStream.class);
            classes.add(CharArrayWriter.class);
            classes.add(StringWriter.class);
            transformation.targets.put(StringWriter.class, (builder, type, bytes) -> builder.visit(
                    Advice.to(StringWriterGrowthAdvice.class).on(WRITES)));
            transformation.targets.put(ByteArrayOutputStream.class, (builder, type, bytes) -> builder.visit(
                    Advice.to(ByteArrayGrowthAdvice.class).on(WRITES)));
            transformation.targets.put(CharArrayWriter.class, (builder, type, bytes) -> builder.visit(
                    Advice.to(CharArrayGrowthAdvice.class).on(WRITES)));
        }
        if (classes.isEmpty()) {
            return null;
        }
        if (!inst.isRetransformClassesSupported()) {
            AgentLog.info("retransformation unsupported: " + classes + " are not watched");
            return null;
        }
        inst.addTransformer(transformation, true);
        for (Class<?> c : classes) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable t) {
                AgentLog.warn("could not instrument " + c.getName() + ", left unchanged", t);
            }
        }
        return transformation;
    }

    /** Removes this transformer and gives the classes back their own code (and other agents' changes). */
    void uninstall(Instrumentation inst) {
        inst.removeTransformer(this);
        for (Class<?> c : classes) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable t) {
                AgentLog.warn("could not restore " + c.getName() + "; its advice stays, doing nothing", t);
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
    private static DynamicType.Builder<?> watchArrayDeque(DynamicType.Builder<?> builder, TypeDescription type,
                                                          byte[] classFile) {
        Map<String, Operation> operations = QueueOperations.countedOperations(classFile);
        return builder
                .visit(advice(true, true).on(counted(operations, true, "Last")))
                .visit(advice(false, true).on(counted(operations, true, "First")))
                .visit(advice(false, false).on(counted(operations, false, "First")))
                .visit(advice(true, false).on(counted(operations, false, "Last")))
                .visit(advice(false, false).on(ElementMatchers.named("delete")
                        .and(ElementMatchers.takesArguments(int.class))));
    }

    /**
     * The private methods every insert and removal of LinkedList goes through (add, offer, push,
     * poll, remove, an iterator's remove...), the same from JDK 17 to 25.
     */
    private static final ElementMatcher<MethodDescription> LINKS = ElementMatchers.<MethodDescription>named("linkFirst")
            .or(ElementMatchers.named("linkLast")).or(ElementMatchers.named("linkBefore"));
    private static final ElementMatcher<MethodDescription> UNLINKS = ElementMatchers.<MethodDescription>named("unlinkFirst")
            .or(ElementMatchers.named("unlinkLast")).or(ElementMatchers.named("unlink"));

    private static Advice linkedListAdvice(boolean links) {
        return Advice.withCustomMapping().bind(LinkedListAdvice.Links.class, links).to(LinkedListAdvice.class);
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
        Rewrite rewrite = classBeingRedefined == null ? null : targets.get(classBeingRedefined);
        if (rewrite == null) {
            return null;
        }
        String name = className.replace('/', '.');
        try {
            ClassFileLocator locator = ClassFileTypes.locator(name, classFile, loader);
            TypeDescription type = ClassFileTypes.describe(name, locator);
            DynamicType.Builder<?> builder = new ByteBuddy()
                    .with(TypeValidation.DISABLED)
                    .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                    // A retransformation may not add members: fail rather than try.
                    .with(Implementation.Context.Disabled.Factory.INSTANCE)
                    .redefine(type, locator);
            byte[] result = rewrite.apply(builder, type, classFile).make().getBytes();
            readEdges.ensure(module);
            AgentLog.info("instrumented " + name + " (loaded before the agent: no counters field)");
            return result;
        } catch (Throwable t) {
            AgentLog.warn("could not instrument " + name + ", left unchanged", t);
            return null;
        }
    }
}
