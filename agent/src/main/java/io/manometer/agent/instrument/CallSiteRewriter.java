package io.manometer.agent.instrument;

import io.manometer.agent.sampling.InstrumentedSites;
import io.manometer.agent.sampling.LaunchSite;
import io.manometer.schema.StackFrames;
import java.nio.charset.StandardCharsets;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites the calls in application code that launch asynchronous work or throw away a refusal,
 * so each is counted at its own line with no stack walk:
 * <ul>
 *   <li>after {@code CompletableFuture.supplyAsync/runAsync}, {@code HttpClient.sendAsync},
 *       {@code submit} (any executor) and {@code Thread.startVirtualThread}/{@code Builder.start},
 *       the returned handle is handed to the agent; before {@code start()} the thread is;</li>
 *   <li>the {@code pop} that discards an {@code offer}'s boolean, or a channel write's count,
 *       becomes a call that does nothing unless the item or bytes were refused.</li>
 * </ul>
 * Only instructions are added, never a branch, so the class's stack map frames stay valid. Classes
 * whose constant pool names none of these methods are rejected before any parsing of code.
 */
final class CallSiteRewriter {
    private static final String BRIDGE = "io/manometer/agent/bootstrap/Bridge";
    private static final byte[][] METHOD_NAMES = utf8("supplyAsync", "runAsync", "sendAsync", "submit", "start",
            "startVirtualThread", "offer", "offerFirst", "offerLast", "write");
    private static final String COMPLETABLE_FUTURE = "java/util/concurrent/CompletableFuture";
    private static final String REJECTED_EXECUTION = "java/util/concurrent/RejectedExecutionException";
    private static final byte[] REJECTED_EXECUTION_UTF8 = REJECTED_EXECUTION.getBytes(StandardCharsets.UTF_8);
    static final String REJECTION_CAUGHT = "java.util.concurrent.RejectedExecutionException (caught)";
    static final String REJECTION_DROPPED = "java.util.concurrent.RejectedExecutionException (caught and dropped)";
    /** Calls in a rejection handler that mean the task is not simply dropped: retried, run, queued. */
    private static final java.util.Set<String> TASK_HAND_OFFS = java.util.Set.of("run", "call", "execute", "submit",
            "put", "offer", "add", "schedule", "invokeAll");
    /** Instructions of a rejection handler read before giving up on judging it. */
    private static final int HANDLER_STEPS = 40;
    /** For classifying a name and descriptor whose owner is not yet known. */
    private static final String OWNER_UNKNOWN = "";
    private static final String COMPLETABLE_FUTURE_RESULT = ")Ljava/util/concurrent/CompletableFuture;";

    private final InstrumentedSites sites;

    CallSiteRewriter(InstrumentedSites sites) {
        this.sites = sites;
    }

    /** Whether a class is the application's (or a library's): JDK classes are never rewritten here. */
    static boolean applies(ClassLoader loader, String className) {
        return loader != null && !StackFrames.isJdk(className.replace('/', '.'));
    }

    /** The rewritten class, or null when it has no call site of interest. */
    byte[] rewrite(String className, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        boolean catchesRejection = mentions(reader, classFile, new byte[][] {REJECTED_EXECUTION_UTF8});
        if (!catchesRejection && (!mentions(reader, classFile, METHOD_NAMES) || !refersToAnyCall(reader))) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        Rewriting rewriting = new Rewriting(writer, className);
        reader.accept(rewriting, 0);
        return rewriting.changed ? writer.toByteArray() : null;
    }

    /** Scans the constant pool's strings for any of {@code names}, without parsing any code. */
    private static boolean mentions(ClassReader reader, byte[] classFile, byte[][] names) {
        for (int i = 1, n = reader.getItemCount(); i < n; i++) {
            int offset = reader.getItem(i);
            if (offset <= 0 || classFile[offset - 1] != 1) { // CONSTANT_Utf8
                continue;
            }
            int length = reader.readUnsignedShort(offset);
            for (byte[] name : names) {
                if (name.length == length && regionEquals(classFile, offset + 2, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether some method reference's name and descriptor (owner aside) is one that is rewritten:
     * most classes naming "start" or "write" call something else by that name.
     */
    private static boolean refersToAnyCall(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1, n = reader.getItemCount(); i < n; i++) {
            int offset = reader.getItem(i);
            if (offset <= 0 || reader.readByte(offset - 1) != 12) { // CONSTANT_NameAndType
                continue;
            }
            String name = reader.readUTF8(offset, buffer);
            String descriptor = reader.readUTF8(offset + 2, buffer);
            if (classify(Opcodes.INVOKEVIRTUAL, OWNER_UNKNOWN, name, descriptor) != Call.OTHER
                    || classify(Opcodes.INVOKESTATIC, COMPLETABLE_FUTURE, name, descriptor) != Call.OTHER
                    || classify(Opcodes.INVOKESTATIC, "java/lang/Thread", name, descriptor) != Call.OTHER
                    || classify(Opcodes.INVOKEINTERFACE, "java/lang/Thread$Builder", name, descriptor) != Call.OTHER) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionEquals(byte[] bytes, int from, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (bytes[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[][] utf8(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /** What a method call is to the agent. */
    private enum Call { OTHER, RETURNS_LAUNCH_HANDLE, STARTS_THREAD, OFFER, CHANNEL_WRITE }

    static LaunchSite.Kind launchKind(String owner, String name, String descriptor) {
        switch (name) {
            case "supplyAsync":
            case "runAsync":
                return owner.equals(COMPLETABLE_FUTURE) ? LaunchSite.Kind.COMPLETABLE_FUTURE : null;
            case "sendAsync":
                return descriptor.startsWith("(Ljava/net/http/HttpRequest;")
                        && descriptor.endsWith(COMPLETABLE_FUTURE_RESULT) ? LaunchSite.Kind.HTTP_SEND_ASYNC : null;
            case "submit":
                // Any object: libraries return their own futures (Guava's ListenableFuture, Netty's
                // Future, Spring's); the agent counts only what turns out to be a Future.
                return descriptor.endsWith(";") ? LaunchSite.Kind.EXECUTOR_SUBMIT : null;
            case "startVirtualThread":
                return owner.equals("java/lang/Thread") ? LaunchSite.Kind.VIRTUAL_THREAD_START : null;
            case "start":
                return owner.startsWith("java/lang/Thread$Builder")
                        && descriptor.equals("(Ljava/lang/Runnable;)Ljava/lang/Thread;")
                        ? LaunchSite.Kind.THREAD_START : null;
            default:
                return null;
        }
    }

    private static Call classify(int opcode, String owner, String name, String descriptor) {
        if (launchKind(owner, name, descriptor) != null) {
            return Call.RETURNS_LAUNCH_HANDLE;
        }
        boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
        if (!virtual) {
            return Call.OTHER;
        }
        if (name.equals("start") && descriptor.equals("()V")) {
            return Call.STARTS_THREAD; // any class's start(): the agent checks it is a Thread
        }
        if ((name.equals("offer") || name.equals("offerFirst") || name.equals("offerLast"))
                && (descriptor.equals("(Ljava/lang/Object;)Z")
                || descriptor.equals("(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z"))) {
            return Call.OFFER;
        }
        if (name.equals("write") && descriptor.equals("(Ljava/nio/ByteBuffer;)I")) {
            return Call.CHANNEL_WRITE;
        }
        return Call.OTHER;
    }

    private final class Rewriting extends ClassVisitor {
        private final String className;
        private String sourceFile;
        boolean changed;

        Rewriting(ClassVisitor next, String className) {
            super(Opcodes.ASM9, next);
            this.className = className;
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source;
            super.visitSource(source, debug);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return next == null ? null : new Calls(next, name);
        }

        String frame(String method, int line) {
            return StackFrames.format(className.replace('/', '.'), method, sourceFile, line);
        }

        /**
         * Rewrites one method's calls. An {@code offer} or channel write is held back one instruction,
         * until it is known whether a {@code pop} discards its result.
         */
        private final class Calls extends MethodVisitor {
            private final String method;
            private int line;
            private String heldOwner;
            private String heldName;
            private String heldDescriptor;
            private int heldOpcode;
            private boolean heldInterface;
            private Call held = Call.OTHER;
            private final java.util.Set<Label> rejectionHandlers = new java.util.HashSet<>();
            private boolean enteringRejectionHandler;
            /** Site of the rejection handler being read, -1 when none. */
            private int handlerSite = -1;
            private int handlerSteps;

            Calls(MethodVisitor next, String method) {
                super(Opcodes.ASM9, next);
                this.method = method;
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
                instruction(opcode, name);
                Call call = classify(opcode, owner, name, descriptor);
                switch (call) {
                    case RETURNS_LAUNCH_HANDLE:
                        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                        handOver(launchKind(owner, name, descriptor)); // the returned future or thread
                        return;
                    case STARTS_THREAD:
                        handOver(LaunchSite.Kind.THREAD_START); // the thread, before it starts
                        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                        return;
                    case OFFER:
                    case CHANNEL_WRITE:
                        held = call;
                        heldOpcode = opcode;
                        heldOwner = owner;
                        heldName = name;
                        heldDescriptor = descriptor;
                        heldInterface = itf;
                        return;
                    default:
                        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                }
            }

            @Override
            public void visitInsn(int opcode) {
                if (held != Call.OTHER && opcode == Opcodes.POP) {
                    discardedResult();
                    watchHandler(opcode, null);
                    return;
                }
                instruction(opcode, null);
                super.visitInsn(opcode);
            }

            /** The held call's result is popped unread: count refusals there instead of popping. */
            private void discardedResult() {
                Call call = held;
                held = Call.OTHER;
                int site = sites.registerIgnoredResult(heldOwner.replace('/', '.') + "." + heldName, frame(method, line));
                if (site < 0) {
                    super.visitMethodInsn(heldOpcode, heldOwner, heldName, heldDescriptor, heldInterface);
                    super.visitInsn(Opcodes.POP);
                    return;
                }
                changed = true;
                if (call == Call.OFFER) {
                    super.visitMethodInsn(heldOpcode, heldOwner, heldName, heldDescriptor, heldInterface);
                    pushInt(site);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "offerResultIgnored", "(ZI)V", false);
                    return;
                }
                // [channel, buffer] -> [buffer, channel, buffer]: keep the buffer to see what is left.
                super.visitInsn(Opcodes.DUP_X1);
                super.visitMethodInsn(heldOpcode, heldOwner, heldName, heldDescriptor, heldInterface);
                pushInt(site);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "channelWriteIgnored", "(Ljava/lang/Object;II)V",
                        false);
            }

            /** Hands a copy of the reference on top of the stack to the agent as a launch at this line. */
            private void handOver(LaunchSite.Kind kind) {
                int site = sites.registerLaunch(kind, frame(method, line));
                if (site >= 0) {
                    super.visitInsn(Opcodes.DUP);
                    pushInt(site);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "asyncLaunched", "(Ljava/lang/Object;I)V", false);
                    changed = true;
                }
            }

            /** Before each instruction: a held call is emitted, a rejection handler entered is counted. */
            private void instruction(int opcode, String name) {
                release();
                if (enteringRejectionHandler) {
                    enteringRejectionHandler = false;
                    // The caught exception is on the stack: hand a copy to the agent, which counts it.
                    handlerSite = sites.registerIgnoredResult(REJECTION_CAUGHT, frame(method, line));
                    handlerSteps = 0;
                    if (handlerSite >= 0) {
                        super.visitInsn(Opcodes.DUP);
                        pushInt(handlerSite);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "rejectionCaught", "(Ljava/lang/Object;I)V",
                                false);
                        changed = true;
                    }
                }
                watchHandler(opcode, name);
            }

            /**
             * Reads a rejection handler's first instructions: one that leaves (a jump or a return)
             * without rethrowing or handing the task on anywhere drops the task.
             */
            private void watchHandler(int opcode, String name) {
                if (handlerSite < 0) {
                    return;
                }
                if (name != null && TASK_HAND_OFFS.contains(name) || opcode == Opcodes.ATHROW
                        || ++handlerSteps > HANDLER_STEPS) {
                    handlerSite = -1;
                } else if (opcode == Opcodes.GOTO || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                    sites.rename(handlerSite, REJECTION_DROPPED);
                    handlerSite = -1;
                }
            }

            /** Emits a held call unchanged: its result is used. */
            private void release() {
                if (held != Call.OTHER) {
                    held = Call.OTHER;
                    super.visitMethodInsn(heldOpcode, heldOwner, heldName, heldDescriptor, heldInterface);
                }
            }

            private void pushInt(int value) {
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

            @Override
            public void visitLineNumber(int number, Label start) {
                release();
                line = number;
                super.visitLineNumber(number, start);
            }

            @Override
            public void visitMaxs(int maxStack, int maxLocals) {
                release();
                super.visitMaxs(maxStack + 2, maxLocals); // at most two values pushed beyond the original
            }

            @Override
            public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                release();
                super.visitFrame(type, numLocal, local, numStack, stack);
            }

            @Override
            public void visitIntInsn(int opcode, int operand) {
                instruction(opcode, null);
                super.visitIntInsn(opcode, operand);
            }

            @Override
            public void visitVarInsn(int opcode, int varIndex) {
                instruction(opcode, null);
                super.visitVarInsn(opcode, varIndex);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                instruction(opcode, null);
                super.visitTypeInsn(opcode, type);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                instruction(opcode, null);
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
                instruction(Opcodes.INVOKEDYNAMIC, null);
                super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
            }

            @Override
            public void visitJumpInsn(int opcode, Label label) {
                instruction(opcode, null);
                super.visitJumpInsn(opcode, label);
            }

            @Override
            public void visitLabel(Label label) {
                release();
                super.visitLabel(label);
                if (rejectionHandlers.contains(label)) {
                    enteringRejectionHandler = true; // the call goes before its first instruction, after its frame
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                instruction(Opcodes.LDC, null);
                super.visitLdcInsn(value);
            }

            @Override
            public void visitIincInsn(int varIndex, int increment) {
                instruction(Opcodes.IINC, null);
                super.visitIincInsn(varIndex, increment);
            }

            @Override
            public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                instruction(Opcodes.TABLESWITCH, null);
                super.visitTableSwitchInsn(min, max, dflt, labels);
            }

            @Override
            public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                instruction(Opcodes.LOOKUPSWITCH, null);
                super.visitLookupSwitchInsn(dflt, keys, labels);
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
                instruction(Opcodes.MULTIANEWARRAY, null);
                super.visitMultiANewArrayInsn(descriptor, numDimensions);
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                release();
                if (REJECTED_EXECUTION.equals(type)) {
                    rejectionHandlers.add(handler);
                }
                super.visitTryCatchBlock(start, end, handler, type);
            }

            @Override
            public void visitEnd() {
                release();
                super.visitEnd();
            }
        }
    }
}
