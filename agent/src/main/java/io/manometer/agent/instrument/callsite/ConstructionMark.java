package io.manometer.agent.instrument.callsite;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Around {@code new SomeQueue(...)}, tells the agent which line is constructing it: one call before
 * the constructor (the site's id), one after (done). The queue's own advice, inside the
 * constructor, then names its creation site from the id, with no stack walk and whatever the
 * capture budget says. A {@code super(...)} call in a subclass's constructor has no {@code new}
 * before it and is left alone, and so is a queue class loaded before the agent ({@code ArrayDeque}):
 * without counters it has no creation site to name, and a local deque in a hot loop pays nothing.
 */
final class ConstructionMark extends SiteRewrite {
    /** {@code new} instructions of queue classes whose constructor has not been called yet, by class. */
    private final Map<String, Integer> pendingNews = new HashMap<>();

    ConstructionMark(MethodVisitor next, ClassContext context, String method) {
        super(next, context, method);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (opcode == Opcodes.NEW && Calls.isQueueClass(type) && !context.uncountedQueues.contains(type)) {
            pendingNews.merge(type, 1, Integer::sum);
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        Integer pending = opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && !context.queueItself
                ? pendingNews.get(owner) : null;
        if (pending == null || pending == 0) {
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
            return;
        }
        pendingNews.put(owner, pending - 1);
        int site = context.sites.registerConstruction(owner.replace('/', '.'), context.className.replace('/', '.'),
                frame());
        if (site < 0) {
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
            return;
        }
        pushInt(site); // the constructor's arguments are already on the stack: this changes none of them
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "constructing", "(I)V", false);
        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "constructed", "()V", false);
        context.changed = true;
    }
}
