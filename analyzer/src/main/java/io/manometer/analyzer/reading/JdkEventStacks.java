package io.manometer.analyzer.reading;

import io.manometer.schema.StackFrames;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
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
        RecordedFrame frame = applicationFrame(stack.getFrames(),
                f -> f.isJavaFrame() ? f.getMethod().getType().getName() : null,
                f -> skipConstructors && f.getMethod().getName().equals("<init>"));
        return frame == null ? "" : format(frame);
    }

    /**
     * The rule above over any kind of frame ({@code type} null for a frame of no Java class,
     * {@code passOver} for a frame the rule skips as well): a recorded stack, a thread dump's.
     */
    static <F> F applicationFrame(List<F> frames, Function<F, String> type, Predicate<F> passOver) {
        F outsideJdk = null;
        for (F frame : frames) {
            String name = type.apply(frame);
            // A lambda's hidden class names no line of source: the frame that called it does.
            if (name == null || StackFrames.isJdk(name) || name.contains("$$Lambda") || passOver.test(frame)) {
                continue;
            }
            if (!StackFrames.isKnownLibrary(name)) {
                return frame;
            }
            outsideJdk = outsideJdk == null ? frame : outsideJdk;
        }
        return outsideJdk;
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
