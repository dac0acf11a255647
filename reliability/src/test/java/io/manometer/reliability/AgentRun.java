package io.manometer.reliability;

import io.manometer.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A workload of this module in a child JVM, with the built agent or without it. */
final class AgentRun {
    private AgentRun() {}

    /** The class path of the workloads and the libraries they use, as the build runs the tests with. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    static ChildJvm withAgent(String agentOptions, String... jvmAndMain) {
        String agent = "-javaagent:" + ChildJvm.builtFile("manometer.agentJar")
                + (agentOptions.isEmpty() ? "" : "=" + agentOptions);
        List<String> args = new ArrayList<>(List.of(agent));
        args.addAll(List.of(jvmAndMain));
        return ChildJvm.java().args(args.toArray(String[]::new));
    }

    static ChildJvm withoutAgent(String... jvmAndMain) {
        return ChildJvm.java().args(jvmAndMain);
    }

    /** Whether this is the long mode ({@code -Dreliability=long}): every workload at full size. */
    static boolean longMode() {
        return "long".equals(System.getProperty("manometer.reliability"));
    }

    /** The lines the agent printed on stderr: warnings ("[manometer] ...") and alert lines ("manometer: ..."). */
    static boolean isAgentLine(String line) {
        return line.startsWith("[manometer] ") || line.startsWith("manometer: ");
    }

    static Path tempDir(String prefix) throws java.io.IOException {
        return java.nio.file.Files.createTempDirectory(prefix);
    }
}
