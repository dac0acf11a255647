package io.manometer.agent.instrument.callsite;

import java.nio.charset.StandardCharsets;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Decides from a class's constant pool alone, without parsing any code, whether it can hold a call
 * site of interest: almost every class loaded is rejected here, at the cost of a scan of its strings.
 */
final class CallSiteFilter {
    private static final byte[][] METHOD_NAMES = utf8("supplyAsync", "runAsync", "sendAsync", "submit", "start",
            "startVirtualThread", "offer", "offerFirst", "offerLast", "write");
    private static final byte[][] REJECTED_EXECUTION = utf8(RejectionHandlerWatch.REJECTED_EXECUTION);
    /** For classifying a name and descriptor whose owner is not yet known. */
    private static final String OWNER_UNKNOWN = "";

    private CallSiteFilter() {}

    /** Whether the class catches a rejection, calls a method that is rewritten or refers to a queue class. */
    static boolean mayHaveSites(ClassReader reader, byte[] classFile) {
        return mentions(reader, classFile, REJECTED_EXECUTION)
                || mentions(reader, classFile, METHOD_NAMES) && refersToAnyCall(reader)
                || refersToQueueClass(reader);
    }

    /** Whether a class constant names a queue class, which the class may construct. */
    private static boolean refersToQueueClass(ClassReader reader) {
        char[] buffer = null;
        for (int i = 1, n = reader.getItemCount(); i < n; i++) {
            int offset = reader.getItem(i);
            if (offset <= 0 || reader.readByte(offset - 1) != 7) { // CONSTANT_Class
                continue;
            }
            buffer = buffer == null ? new char[reader.getMaxStringLength()] : buffer;
            if (Calls.isQueueClass(reader.readUTF8(offset, buffer))) {
                return true;
            }
        }
        return false;
    }

    /** Scans the constant pool's strings for any of {@code names}. */
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
            if (Calls.classify(Opcodes.INVOKEVIRTUAL, OWNER_UNKNOWN, name, descriptor) != Calls.Call.OTHER
                    || Calls.classify(Opcodes.INVOKESTATIC, Calls.COMPLETABLE_FUTURE, name, descriptor) != Calls.Call.OTHER
                    || Calls.classify(Opcodes.INVOKESTATIC, "java/lang/Thread", name, descriptor) != Calls.Call.OTHER
                    || Calls.classify(Opcodes.INVOKEINTERFACE, "java/lang/Thread$Builder", name, descriptor)
                            != Calls.Call.OTHER) {
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
}
