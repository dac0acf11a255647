package io.manometer.agent.instrument.callsite;

import io.manometer.agent.model.CallSiteRegistry;
import io.manometer.schema.StackFrames;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * What every concern of the rewriting shares within one method: the line being read, how a site
 * is named and registered, and how a site's id is pushed for the bridge call.
 */
abstract class SiteRewrite extends MethodVisitor {
    static final String BRIDGE = "io/manometer/agent/bootstrap/Bridge";

    /** One class being rewritten: its name, source file and whether anything changed. */
    static final class ClassContext {
        final String className;
        final CallSiteRegistry sites;
        /**
         * Whether the class is a queue itself (its name, superclass or an interface says so): the
         * queues it builds are its storage, named where it is built, not inside it.
         */
        final boolean queueItself;
        /** Queue classes without counters (loaded before the agent): a mark would name nothing. */
        final java.util.Set<String> uncountedQueues;
        String sourceFile;
        boolean changed;

        ClassContext(String className, CallSiteRegistry sites, boolean queueItself,
                     java.util.Set<String> uncountedQueues) {
            this.className = className;
            this.sites = sites;
            this.queueItself = queueItself;
            this.uncountedQueues = uncountedQueues;
        }
    }

    final ClassContext context;
    private final String method;
    int line;

    SiteRewrite(MethodVisitor next, ClassContext context, String method) {
        super(Opcodes.ASM9, next);
        this.context = context;
        this.method = method;
    }

    /** This method's frame at the line being read, as every event writes frames. */
    String frame() {
        return StackFrames.format(context.className.replace('/', '.'), method, context.sourceFile, line);
    }

    @Override
    public void visitLineNumber(int number, Label start) {
        line = number;
        super.visitLineNumber(number, start);
    }

    /**
     * Each concern pushes at most two values beyond the original code, and reserves them itself, so
     * that it is correct alone; in the chain the reserves add up to a bound a little above the need.
     */
    private static final int EXTRA_STACK = 2;

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
    }

    /** Pushes {@code value} (a site id, never negative) with the shortest instruction. */
    void pushInt(int value) {
        if (value <= 5) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            super.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value <= Short.MAX_VALUE) {
            super.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            super.visitLdcInsn(value);
        }
    }

    /** Hands a copy of the reference on top of the stack, with a site id, to a bridge method. */
    void handCopyToBridge(int site, String bridgeMethod) {
        super.visitInsn(Opcodes.DUP);
        pushInt(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridgeMethod, "(Ljava/lang/Object;I)V", false);
        context.changed = true;
    }
}
