package io.manometer.maven;

import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The JVM arguments that start a test JVM with the agent and a recording into a directory (one
 * file per JVM, so parallel forks never share one), and how they join an existing argument line.
 */
final class AgentArguments {
    /** Marks the start of what prepare-agent adds, so running it again replaces rather than repeats it. */
    private static final String AGENT_PREFIX = "-javaagent:";

    private AgentArguments() {}

    static String of(Path agentJar, Map<String, String> options, Path directory, String settings) {
        StringJoiner agentOptions = new StringJoiner(",");
        options.forEach((k, v) -> agentOptions.add(k + "=" + v));
        String agent = AGENT_PREFIX + agentJar.toAbsolutePath() + (options.isEmpty() ? "" : "=" + agentOptions);
        // A directory as file name: JFR names each JVM's recording itself; the JVM dumps it on exit.
        String recording = "-XX:StartFlightRecording=filename=" + directory.toAbsolutePath() + ",settings=" + settings;
        // JFR's start-up lines go to stdout, where Surefire expects only its own protocol.
        return quoted(agent) + " " + quoted(recording) + " -Xlog:jfr+startup=warning";
    }

    /** {@code existing} with {@code ours} appended, and any earlier copy of ours (for this jar) removed. */
    static String appendTo(String existing, String ours, Path agentJar) {
        String base = existing == null ? "" : existing.trim();
        String mark = AGENT_PREFIX + agentJar.toAbsolutePath();
        int earlier = base.indexOf(mark);
        if (earlier >= 0) {
            int start = earlier > 0 && base.charAt(earlier - 1) == '"' ? earlier - 1 : earlier;
            base = base.substring(0, start).trim();
        }
        return base.isEmpty() ? ours : base + " " + ours;
    }

    /** Surefire splits its argument line at spaces outside double quotes. */
    private static String quoted(String argument) {
        return argument.indexOf(' ') >= 0 ? '"' + argument + '"' : argument;
    }
}
