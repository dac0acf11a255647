package io.manometer.agent.instrument;

import io.manometer.agent.model.QueueMethods;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Which methods of a queue class move elements in or out, and which of those do the moving
 * themselves rather than delegating to another such method on {@code this}.
 *
 * <p>Counting at every insert method would count an element twice whenever one delegates to
 * another ({@code AbstractQueue.add} calls {@code offer}, {@code ArrayDeque.push} calls
 * {@code addFirst}). The rule is read from the class's bytecode rather than listed per class, so
 * it holds for third-party queues too: a method that passes its own arguments on to a
 * same-kind operation of {@code this} is a delegate and is not counted.
 */
public final class QueueOperations {

    /** What an operation does, and how its result says whether it succeeded. */
    public enum Operation {
        /** Inserts one element; returns nothing (throws or blocks when full). */
        INSERT_VOID(true),
        /** Inserts one element if it returns true. */
        INSERT_IF_TRUE(true),
        /** Removes the element it returns, if not null. */
        REMOVE_RETURNED(false),
        /** Removes one element if it returns true. */
        REMOVE_IF_TRUE(false),
        /** Removes as many elements as the int it returns. */
        REMOVE_COUNT(false);

        final boolean insert;

        Operation(boolean insert) {
            this.insert = insert;
        }
    }

    private QueueOperations() {}

    /** Classifies a method by name and descriptor, or returns null if it moves no element. */
    public static Operation classify(String name, String descriptor) {
        Boolean insert = QueueMethods.insertsOrRemoves(name);
        if (insert == null) {
            return null;
        }
        Type[] args = Type.getArgumentTypes(descriptor);
        Type ret = Type.getReturnType(descriptor);
        boolean timed = args.length == 3 && args[1].getSort() == Type.LONG
                && args[2].getDescriptor().equals("Ljava/util/concurrent/TimeUnit;");
        if (insert) {
            boolean oneElement = args.length == 1 && isReference(args[0]);
            boolean timedElement = timed && isReference(args[0]);
            if (!oneElement && !timedElement) {
                return null;
            }
            if (ret.getSort() == Type.VOID) {
                return Operation.INSERT_VOID;
            }
            return ret.getSort() == Type.BOOLEAN ? Operation.INSERT_IF_TRUE : null;
        }
        if (name.equals("drainTo")) {
            boolean toCollection = args.length >= 1 && args.length <= 2 && isReference(args[0])
                    && (args.length == 1 || args[1].getSort() == Type.INT);
            return toCollection && ret.getSort() == Type.INT ? Operation.REMOVE_COUNT : null;
        }
        if (args.length == 1 && isReference(args[0]) && ret.getSort() == Type.BOOLEAN) {
            return Operation.REMOVE_IF_TRUE; // remove(Object), remove*Occurrence(Object)
        }
        if (!isReference(ret) || name.endsWith("Occurrence")) {
            return null;
        }
        if (args.length == 0) {
            return Operation.REMOVE_RETURNED; // poll(), take(), remove(), pop(), ...
        }
        boolean timedPoll = args.length == 2 && args[0].getSort() == Type.LONG
                && args[1].getDescriptor().equals("Ljava/util/concurrent/TimeUnit;");
        return timedPoll && name.startsWith("poll") ? Operation.REMOVE_RETURNED : null;
    }

    /**
     * Reads a class file and returns, keyed by {@code name + descriptor}, the operations it
     * declares that do their own work (concrete, not bridges, not same-kind delegates).
     */
    public static Map<String, Operation> countedOperations(byte[] classFile) {
        Map<String, Operation> counted = new HashMap<>();
        Set<String> delegates = new HashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Operation op = classify(name, descriptor);
                if (op == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE
                        | Opcodes.ACC_STATIC)) != 0) {
                    return null;
                }
                String key = name + descriptor;
                counted.put(key, op);
                return new DelegationScanner(op.insert, () -> delegates.add(key));
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        counted.keySet().removeAll(delegates);
        return counted;
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    /**
     * Spots {@code this.op(args...)} where op is an operation of the same kind: {@code aload_0},
     * then only plain pushes (locals, constants), then the call, with as many pushes as the call
     * takes arguments. That is the shape javac gives every delegating method.
     */
    private static final class DelegationScanner extends MethodVisitor {
        private final boolean insert;
        private final Runnable onDelegation;
        /** Values pushed since an {@code aload_0}, or -1 when the receiver is not known to be this. */
        private int pushedSinceThis = -1;

        DelegationScanner(boolean insert, Runnable onDelegation) {
            super(Opcodes.ASM9);
            this.insert = insert;
            this.onDelegation = onDelegation;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            if (opcode == Opcodes.ALOAD && varIndex == 0) {
                pushedSinceThis = 0;
            } else if (opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD) {
                pushed();
            } else {
                pushedSinceThis = -1;
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.DCONST_1) {
                pushed();
            } else {
                pushedSinceThis = -1;
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH) {
                pushed();
            } else {
                pushedSinceThis = -1;
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            pushed();
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC) {
                pushed();
            } else {
                pushedSinceThis = -1;
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode != Opcodes.INVOKESTATIC && pushedSinceThis == Type.getArgumentTypes(descriptor).length) {
                Operation op = classify(name, descriptor);
                if (op != null && op.insert == insert) {
                    onDelegation.run();
                }
            }
            pushedSinceThis = -1;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            pushedSinceThis = -1;
        }

        @Override
        public void visitJumpInsn(int opcode, net.bytebuddy.jar.asm.Label label) {
            pushedSinceThis = -1;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, net.bytebuddy.jar.asm.Handle handle,
                                           Object... arguments) {
            pushedSinceThis = -1;
        }

        private void pushed() {
            if (pushedSinceThis >= 0) {
                pushedSinceThis++;
            }
        }
    }
}
