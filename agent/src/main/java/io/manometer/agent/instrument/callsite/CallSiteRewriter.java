package io.manometer.agent.instrument.callsite;

import io.manometer.agent.model.CallSiteRegistry;
import io.manometer.agent.model.OtherAgentCode;
import io.manometer.schema.StackFrames;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites an application class's call sites (see the package description): rejects it from its
 * constant pool when it cannot have one, else passes each method through the chain of concerns.
 */
public final class CallSiteRewriter {
    private final CallSiteRegistry sites;
    /**
     * Queue classes loaded before the agent that get no counters (internal names), so no
     * construction marks; read while classes load, and shrunk once the side table counts some.
     */
    private final Set<String> uncountedQueues = ConcurrentHashMap.newKeySet();

    /** {@code queuesLoadedBefore}: binary names of the queue classes already loaded when the agent started. */
    public CallSiteRewriter(CallSiteRegistry sites, Set<String> queuesLoadedBefore) {
        this.sites = sites;
        for (String name : queuesLoadedBefore) {
            uncountedQueues.add(name.replace('.', '/'));
        }
    }

    /** These classes (binary names), loaded before the agent, now count in the side table: worth a mark. */
    public void counted(Set<String> classes) {
        for (String name : classes) {
            uncountedQueues.remove(name.replace('.', '/'));
        }
    }

    /** Whether a class is the application's (or a library's): the JDK's and other agents' are never rewritten here. */
    public static boolean applies(ClassLoader loader, String className) {
        String name = className.replace('/', '.');
        return loader != null && !StackFrames.isJdk(name) && !OtherAgentCode.owns(loader, name);
    }

    /** The rewritten class, or null when it has no call site of interest. */
    public byte[] rewrite(String className, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if (!CallSiteFilter.mayHaveSites(reader, classFile)) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        SiteRewrite.ClassContext context = context(reader, sites, uncountedQueues);
        reader.accept(perMethod(writer, context, CallSiteRewriter::chain), 0);
        return context.changed ? writer.toByteArray() : null;
    }

    /** What the concerns share while rewriting the class {@code reader} reads. */
    static SiteRewrite.ClassContext context(ClassReader reader, CallSiteRegistry sites, Set<String> uncountedQueues) {
        return new SiteRewrite.ClassContext(reader.getClassName(), sites, isQueueItself(reader), uncountedQueues);
    }

    private static boolean isQueueItself(ClassReader reader) {
        if (Calls.looksLikeQueue(reader.getClassName()) || reader.getSuperName() != null
                && Calls.looksLikeQueue(reader.getSuperName())) {
            return true;
        }
        for (String type : reader.getInterfaces()) {
            if (Calls.looksLikeQueue(type)) {
                return true;
            }
        }
        return false;
    }

    /** Wraps one method's visitor in a concern (or the chain of them). */
    interface Concern {
        MethodVisitor wrap(MethodVisitor next, SiteRewrite.ClassContext context, String method);
    }

    /** Passes every method of a class through {@code concern}, telling the context the source file. */
    static ClassVisitor perMethod(ClassVisitor next, SiteRewrite.ClassContext context, Concern concern) {
        return new ClassVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitSource(String source, String debug) {
                context.sourceFile = source;
                super.visitSource(source, debug);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return method == null ? null : concern.wrap(method, context, name);
            }
        };
    }

    /** The concerns in order: each sees the original instructions, not what those before it add. */
    static MethodVisitor chain(MethodVisitor writer, SiteRewrite.ClassContext context, String method) {
        return new RejectionHandlerWatch(new DiscardedResultRewrite(new LaunchHandOff(
                new ConstructionMark(writer, context, method), context, method), context, method), context, method);
    }
}
