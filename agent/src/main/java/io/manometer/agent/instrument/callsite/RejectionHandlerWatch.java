package io.manometer.agent.instrument.callsite;

import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A handler of {@code RejectedExecutionException}: the caught exception is handed to the agent as
 * it enters, so rejections are counted at this line, and the handler's first instructions are read
 * to judge it. One that leaves (a jump or a return) without rethrowing or handing the task on
 * anywhere drops the task; one that runs, retries or queues it handles the rejection. A jump back
 * to the very start of its own try block (a {@code while (true)} around the submit, not a loop whose
 * head takes the next item or counts first) is a retry, whatever the handler did before it (a
 * back-off sleep), whichever executor refused and however. A loop that retries a counted number of
 * times is told apart at run time, by the same task offered again.
 */
final class RejectionHandlerWatch extends InstructionWatch {
    static final String REJECTED_EXECUTION = "java/util/concurrent/RejectedExecutionException";
    static final String CAUGHT = "java.util.concurrent.RejectedExecutionException (caught)";
    static final String DROPPED = "java.util.concurrent.RejectedExecutionException (caught and dropped)";
    static final String COUNTED = "java.util.concurrent.RejectedExecutionException (caught, counted and dropped)";
    /**
     * Calls that leave a trace of a dropped task: a counter bumped or a line logged. A handler that
     * makes one before it leaves sheds load on purpose, visibly; one that makes none loses the task
     * without a trace.
     */
    private static final Set<String> TRACES = Set.of("increment", "incrementAndGet", "getAndIncrement", "addAndGet",
            "getAndAdd", "inc", "mark", "record", "count", "log", "warn", "warning", "error", "info", "debug",
            "trace", "println", "printf");
    /** Calls in a rejection handler that mean the task is not simply dropped: retried, run, queued. */
    private static final Set<String> TASK_HAND_OFFS = Set.of("run", "call", "execute", "submit", "put", "offer",
            "add", "schedule", "invokeAll");
    /** Instructions of a rejection handler read before giving up on judging it. */
    private static final int HANDLER_STEPS = 40;

    private final Set<Label> handlers = new HashSet<>();
    /** Each handler's try block start (the earliest, when one handler guards several). */
    private final java.util.Map<Label, Label> tryStarts = new java.util.HashMap<>();
    /** Labels the code has placed, with the number of instructions before each: a jump to one goes back. */
    private final java.util.Map<Label, Integer> placed = new java.util.HashMap<>();
    /** Instructions of the original code read so far. */
    private int instructions;
    /** Start of the try block whose handler is being read. */
    private Label handlerTryStart;
    private boolean entering;
    /** Site of the handler being read, -1 when none. */
    private int handlerSite = -1;
    private int handlerSteps;
    /** Whether the handler being read has left a trace of the task it drops. */
    private boolean traced;

    RejectionHandlerWatch(MethodVisitor next, ClassContext context, String method) {
        super(next, context, method);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (REJECTED_EXECUTION.equals(type)) {
            handlers.add(handler);
            tryStarts.putIfAbsent(handler, start);
        }
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
        super.visitLabel(label);
        placed.putIfAbsent(label, instructions);
        if (handlers.contains(label)) {
            entering = true; // counted before its first instruction, after its frame
            handlerTryStart = tryStarts.get(label);
        }
    }

    /** Before each instruction: a handler entered is counted, and the one being read judged. */
    private void before(int opcode, String calledName) {
        instructions++;
        if (entering) {
            entering = false;
            handlerSite = context.sites.registerIgnoredResult(CAUGHT, frame());
            handlerSteps = 0;
            traced = false;
            if (handlerSite >= 0) {
                handCopyToBridge(handlerSite, "rejectionCaught"); // the caught exception is on the stack
            }
        }
        if (handlerSite < 0) {
            return;
        }
        traced |= calledName != null && TRACES.contains(calledName);
        if (calledName != null && TASK_HAND_OFFS.contains(calledName) || opcode == Opcodes.ATHROW
                || ++handlerSteps > HANDLER_STEPS) {
            handlerSite = -1;
        } else if (opcode == Opcodes.GOTO || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            context.sites.rename(handlerSite, traced ? COUNTED : DROPPED);
            handlerSite = -1;
        }
    }

    @Override
    void beforeInstruction(int opcode) {
        before(opcode, null);
    }

    /** A jump from the handler back into its try block's loop: the same work is tried again. */
    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (handlerSite >= 0 && opcode == Opcodes.GOTO && jumpsBackToTry(label)) {
            handlerSite = -1; // judged: a retry
        }
        super.visitJumpInsn(opcode, label);
    }

    /** Back to where the try block starts, with no instruction between: the submit is run again as it was. */
    private boolean jumpsBackToTry(Label target) {
        Integer beforeTarget = placed.get(target);
        Integer beforeTry = handlerTryStart == null ? null : placed.get(handlerTryStart);
        return beforeTarget != null && beforeTarget.equals(beforeTry);
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

}
