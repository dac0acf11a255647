package io.manometer.analyzer.reading;

import java.util.List;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/** Stack traces from the JDK's own events, written as the agent writes its frames. */
final class StackFrames {
    private static final String[] JDK_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
    private static final int STACK_FRAMES = 12;

    private StackFrames() {}

    /**
     * The first frame outside the JDK, or empty. With {@code skipConstructors}, a constructor is
     * passed over for the frame that called it: an object's fields are allocated in its
     * constructor, but the line that made (and keeps) the object is its caller.
     */
    static String applicationFrame(RecordedStackTrace stack, boolean skipConstructors) {
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.isJavaFrame() && !isJdk(frame.getMethod().getType().getName())
                    && !(skipConstructors && frame.getMethod().getName().equals("<init>"))) {
                return format(frame);
            }
        }
        return "";
    }

    /** The innermost frames, one per line. */
    static String format(RecordedStackTrace stack) {
        StringBuilder text = new StringBuilder();
        List<RecordedFrame> frames = stack.getFrames();
        for (int i = 0; i < Math.min(STACK_FRAMES, frames.size()); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(format(frames.get(i)));
        }
        return text.toString();
    }

    /** As the agent formats frames; JFR keeps no file name, so the source file is inferred from the class. */
    static String format(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String outer = type.substring(type.lastIndexOf('.') + 1);
        int nested = outer.indexOf('$');
        String file = (nested > 0 ? outer.substring(0, nested) : outer) + ".java";
        int line = frame.getLineNumber();
        return type + "." + frame.getMethod().getName() + "(" + (line > 0 ? file + ":" + line : file) + ")";
    }

    private static boolean isJdk(String className) {
        for (String prefix : JDK_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
