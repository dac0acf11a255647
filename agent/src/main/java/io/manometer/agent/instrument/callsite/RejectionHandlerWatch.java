package io.manometer.agent.instrument.callsite;

import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A handler of {@code RejectedExecutionException}: the caught exception is handed to the agent as
 * it enters, so rejections are counted at this line, and the handler's first instructions are read
 * to judge it. One that leaves (a jump or a return) without rethrowing or handing the task on
 * anywhere drops the task; one that runs, retries or queues it handles the rejection.
 */
final class RejectionHandlerWatch extends SiteRewrite {
    static final String REJECTED_EXECUTION = "java/util/concurrent/RejectedExecutionException";
    static final String CAUGHT = "java.util.concurrent.RejectedExecutionException (caught)";
    static final String DROPPED = "java.util.concurrent.RejectedExecutionException (caught and dropped)";
    /** Calls in a rejection handler that mean the task is not simply dropped: retried, run, queued. */
    private static final Set<String> TASK_HAND_OFFS = Set.of("run", "call", "execute", "submit", "put", "offer",
            "add", "schedule", "invokeAll");
    /** Instructions of a rejection handler read before giving up on judging it. */
    private static final int HANDLER_STEPS = 40;

    private final Set<Label> handlers = new HashSet<>();
    private boolean entering;
    /** Site of the handler being read, -1 when none. */
    private int handlerSite = -1;
    private int handlerSteps;

    RejectionHandlerWatch(MethodVisitor next, ClassContext context, String method) {
        super(next, context, method);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (REJECTED_EXECUTION.equals(type)) {
            handlers.add(handler);
        }
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
        super.visitLabel(label);
        if (handlers.contains(label)) {
            entering = true; // counted before its first instruction, after its frame
        }
    }

    /** Before each instruction: a handler entered is counted, and the one being read judged. */
    private void before(int opcode, String calledName) {
        if (entering) {
            entering = false;
            handlerSite = context.sites.registerIgnoredResult(CAUGHT, frame());
            handlerSteps = 0;
            if (handlerSite >= 0) {
                handCopyToBridge(handlerSite, "rejectionCaught"); // the caught exception is on the stack
            }
        }
        if (handlerSite < 0) {
            return;
        }
        if (calledName != null && TASK_HAND_OFFS.contains(calledName) || opcode == Opcodes.ATHROW
                || ++handlerSteps > HANDLER_STEPS) {
            handlerSite = -1;
        } else if (opcode == Opcodes.GOTO || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            context.sites.rename(handlerSite, DROPPED);
            handlerSite = -1;
        }
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        before(opcode, name);
        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
    }

    @Override
    public void visitInsn(int opcode) {
        before(opcode, null);
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        before(opcode, null);
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        before(opcode, null);
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        before(opcode, null);
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        before(opcode, null);
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
        before(Opcodes.INVOKEDYNAMIC, null);
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        before(opcode, null);
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        before(Opcodes.LDC, null);
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        before(Opcodes.IINC, null);
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        before(Opcodes.TABLESWITCH, null);
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        before(Opcodes.LOOKUPSWITCH, null);
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        before(Opcodes.MULTIANEWARRAY, null);
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }
}
