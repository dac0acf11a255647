package io.manometer.analyzer.reading;

import io.manometer.schema.StackFrames;
import java.util.ArrayList;
import java.util.List;

/**
 * The threads of a {@code jdk.ThreadDump} (JFR writes one at each chunk's end in both shipped
 * settings, in {@code jstack}'s text): each thread's name and frames. It shows what every thread
 * was doing at that moment, including the parks still under way that {@code jdk.ThreadPark},
 * written only when a park ends, cannot show.
 */
final class ThreadDumps {
    private ThreadDumps() {}

    /** One frame: its class, its method, and the frame as the agent writes frames ({@link StackFrames#format}). */
    record Frame(String type, String method, String text) {}

    record DumpedThread(String name, List<Frame> frames) {}

    static List<DumpedThread> parse(String dump) {
        List<DumpedThread> threads = new ArrayList<>();
        String name = null;
        List<Frame> frames = new ArrayList<>();
        for (String line : dump.split("\n")) {
            if (line.startsWith("\"")) {
                if (name != null) {
                    threads.add(new DumpedThread(name, frames));
                }
                int end = line.indexOf('"', 1);
                name = end > 0 ? line.substring(1, end) : null;
                frames = new ArrayList<>();
            } else if (name != null && line.strip().startsWith("at ")) {
                Frame frame = frame(line.strip().substring(3));
                if (frame != null) {
                    frames.add(frame);
                }
            }
        }
        if (name != null) {
            threads.add(new DumpedThread(name, frames));
        }
        return threads;
    }

    /** {@code pkg.Type.method(module@version/File.java:12)}, the module left out; null when it is not a frame. */
    private static Frame frame(String at) {
        int open = at.indexOf('(');
        int dot = open < 0 ? -1 : at.lastIndexOf('.', open);
        if (dot <= 0 || !at.endsWith(")")) {
            return null;
        }
        String where = at.substring(open + 1, at.length() - 1);
        where = where.substring(where.indexOf('/') + 1);
        String type = at.substring(0, dot);
        String method = at.substring(dot + 1, open);
        return new Frame(type, method, type + "." + method + "(" + where + ")");
    }

    /** The application's frame, by {@link JdkEventStacks#applicationFrame}'s rule; empty when none. */
    static String applicationFrame(List<Frame> frames) {
        Frame frame = JdkEventStacks.applicationFrame(frames, Frame::type, f -> false);
        return frame == null ? "" : frame.text();
    }

    /** The innermost frames, as many as the agent keeps by default. */
    static String format(List<Frame> frames) {
        return String.join(StackFrames.SEPARATOR,
                frames.subList(0, Math.min(StackFrames.DEFAULT_DEPTH, frames.size())).stream().map(Frame::text).toList());
    }
}
