package io.manometer.schema;

/**
 * How a stack frame is written in every {@code manometer.*} event and report, and which classes
 * count as the JDK's. The agent writes frames from {@code StackWalker} and from the bytecode it
 * rewrites, the analyzer from the JDK's own events: all three agree through this class.
 */
public final class StackFrames {
    /** Package prefixes of the JDK: frames in them are never an application's site. */
    private static final String[] JDK_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    /** Frames kept of a stack unless told otherwise. */
    public static final int DEFAULT_DEPTH = 12;

    /** Separates the frames of a stack, innermost first. */
    public static final String SEPARATOR = "\n";

    private StackFrames() {}

    /** Whether a class (binary name, dots) belongs to the JDK. */
    public static boolean isJdk(String className) {
        for (String prefix : JDK_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code package.Class.method(File.java:line)}; without a line, {@code (File.java)}; without a
     * file, {@code (Unknown Source)}.
     */
    public static String format(String className, String method, String file, int line) {
        String where = file == null ? "Unknown Source" : line > 0 ? file + ":" + line : file;
        return className + "." + method + "(" + where + ")";
    }

    /**
     * The source file a class most likely came from, for frames that carry none (JFR's): the
     * outermost class's simple name, {@code .java}.
     */
    public static String inferredSourceFile(String className) {
        String outer = className.substring(className.lastIndexOf('.') + 1);
        int nested = outer.indexOf('$');
        return (nested > 0 ? outer.substring(0, nested) : outer) + ".java";
    }
}
