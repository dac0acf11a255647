package io.manometer.analyzer.reading;

import io.manometer.schema.StackFrames;
import java.util.List;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/** Stack traces from the JDK's own events, written as the agent writes its frames ({@link StackFrames}). */
final class JdkEventStacks {
    private JdkEventStacks() {}

    /**
     * The first frame outside the JDK and outside well-known libraries (a shaded jar keeps no
     * other trace of which frames are the application's), else the first outside the JDK, else
     * empty. A lambda's hidden class is passed over. With {@code skipConstructors}, a constructor is passed over for the frame that called
     * it: an object's fields are allocated in its constructor, but the line that made (and keeps)
     * the object is its caller.
     */
    static String applicationFrame(RecordedStackTrace stack, boolean skipConstructors) {
        RecordedFrame outsideJdk = null;
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.isJavaFrame() ? frame.getMethod().getType().getName() : null;
            // A lambda's hidden class names no line of source: the frame that called it does.
            if (type == null || StackFrames.isJdk(type) || type.contains("$$Lambda")
                    || skipConstructors && frame.getMethod().getName().equals("<init>")) {
                continue;
            }
            if (!StackFrames.isKnownLibrary(type)) {
                return format(frame);
            }
            outsideJdk = outsideJdk == null ? frame : outsideJdk;
        }
        return outsideJdk == null ? "" : format(outsideJdk);
    }

    /** The innermost frames, as many as the agent keeps by default. */
    static String format(RecordedStackTrace stack) {
        StringBuilder text = new StringBuilder();
        List<RecordedFrame> frames = stack.getFrames();
        for (int i = 0; i < Math.min(StackFrames.DEFAULT_DEPTH, frames.size()); i++) {
            if (i > 0) {
                text.append(StackFrames.SEPARATOR);
            }
            text.append(format(frames.get(i)));
        }
        return text.toString();
    }

    /** JFR keeps no file name, so the source file is inferred from the class. */
    static String format(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return StackFrames.format(type, frame.getMethod().getName(), StackFrames.inferredSourceFile(type),
                frame.getLineNumber());
    }
}
