package io.manometer.agent.instrument.callsite;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The {@code pop} that discards an {@code offer}'s boolean, or a channel write's count, becomes a
 * call that does nothing unless the item or bytes were refused; refusals are then counted at this
 * line. A caller that reads the result is left as it was. The call is held back one instruction,
 * until it is known whether a {@code pop} follows.
 */
final class DiscardedResultRewrite extends InstructionWatch {
    private Calls.Call held = Calls.Call.OTHER;
    private int heldOpcode;
    private String heldOwner;
    private String heldName;
    private String heldDescriptor;
    private boolean heldInterface;

    DiscardedResultRewrite(MethodVisitor next, ClassContext context, String method) {
        super(next, context, method);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        release();
        Calls.Call call = Calls.classify(opcode, owner, name, descriptor);
        if (call == Calls.Call.OFFER || call == Calls.Call.CHANNEL_WRITE) {
            held = call;
            heldOpcode = opcode;
            heldOwner = owner;
            heldName = name;
            heldDescriptor = descriptor;
            heldInterface = itf;
            return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
    }

    @Override
    public void visitInsn(int opcode) {
        if (held != Calls.Call.OTHER && opcode == Opcodes.POP) {
            discarded();
            return;
        }
        release();
        super.visitInsn(opcode);
    }

    /** The held call's result is popped unread: count refusals there instead of popping. */
    private void discarded() {
        Calls.Call call = held;
        held = Calls.Call.OTHER;
        int site = context.sites.registerIgnoredResult(heldOwner.replace('/', '.') + "." + heldName, frame());
        if (site < 0) {
            emitHeld();
            super.visitInsn(Opcodes.POP);
            return;
        }
        context.changed = true;
        if (call == Calls.Call.OFFER) {
            emitHeld();
            pushInt(site);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "offerResultIgnored", "(ZI)V", false);
            return;
        }
        // [channel, buffer] -> [buffer, channel, buffer]: keep the buffer to see what is left.
        super.visitInsn(Opcodes.DUP_X1);
        emitHeld();
        pushInt(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "channelWriteIgnored", "(Ljava/lang/Object;II)V", false);
    }

    @Override
    void beforeInstruction(int opcode) {
        release();
    }

    /** Emits a held call unchanged: its result is used. */
    private void release() {
        if (held != Calls.Call.OTHER) {
            held = Calls.Call.OTHER;
            emitHeld();
        }
    }

    private void emitHeld() {
        super.visitMethodInsn(heldOpcode, heldOwner, heldName, heldDescriptor, heldInterface);
    }

    @Override
    public void visitLineNumber(int number, Label start) {
        release();
        super.visitLineNumber(number, start);
    }

    @Override
    public void visitLabel(Label label) {
        release();
        super.visitLabel(label);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        release();
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        release();
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        release();
        super.visitMaxs(maxStack, maxLocals);
    }

    @Override
    public void visitEnd() {
        release();
        super.visitEnd();
    }
}
