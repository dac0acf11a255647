package io.manometer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.reliability.FaultWorkload;
import com.example.reliability.hostile.HostileWorkload;
import io.manometer.testkit.ChildJvm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import io.manometer.analyzer.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Workloads that attack the agent at scale ({@link HostileWorkload}), each run with the agent and
 * without: the application prints the same, meets no exception, exits as it would, and is never
 * stuck (the child JVM's time limit prints its threads: a deadlock says where); and the heap the
 * agent keeps once the workload's objects are gone stays within {@link #AGENT_HEAP_BOUND_BYTES}.
 * CI runs each at a tenth of its size or less; the long mode at the size the promise is made for.
 */
class HostileWorkloadIT {
    /** The promise: heap the agent keeps beyond the application's, after any of these workloads. */
    static final long AGENT_HEAP_BOUND_BYTES = 16L << 20;

    static Stream<Arguments> workloads() {
        boolean full = AgentRun.longMode();
        return Stream.of(
                Arguments.of("contention", full ? 200_000 : 20_000, 17),
                Arguments.of("churn", full ? 1_000_000 : 100_000, 17),
                Arguments.of("loaders", full ? 1_000 : 200, 17),
                Arguments.of("recordings", full ? 100 : 30, 17),
                Arguments.of("virtual-threads", full ? 1_000_000 : 100_000, 21));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("workloads")
    void theAgentSurvivesItAndKeepsLittle(String workload, int size, int minJdk) throws Exception {
        Assumptions.assumeTrue(ChildJvm.feature() >= minJdk, workload + " needs JDK " + minJdk);
        String[] main = {"-Xmx512m", "-cp", AgentRun.classPath(), HostileWorkload.class.getName(), workload,
                Integer.toString(size)};
        ChildJvm.Result without = AgentRun.withoutAgent(main).timeoutSeconds(600).run();
        ChildJvm.Result with = AgentRun.withAgent("", main).timeoutSeconds(600).run();
        assertThat(without.exitCode()).as(without.toString()).isZero();
        assertThat(with.exitCode()).as(with.toString()).isZero();
        assertThat(with.stdout()).as(with.toString()).contains(workload + " " + size + ": exceptions 0");
        assertThat(beforeRetained(with.stdout())).as(with.toString()).isEqualTo(beforeRetained(without.stdout()));
        assertThat(with.stderr().lines()).as("only the agent's lines on stderr\n" + with).allMatch(AgentRun::isAgentLine);
        long kept = retained(with.stdout()) - retained(without.stdout());
        System.out.printf("hostile %s %d: the agent kept %.1f MB beyond the application%n", workload, size,
                kept / 1048576.0);
        assertThat(kept).as("heap kept by the agent after " + workload).isLessThan(AGENT_HEAP_BOUND_BYTES);
    }

    /**
     * SIGKILL while the agent dumps: what it leaves is owner-only, in the dump directory alone, and
     * either reads or is named unreadable (or damaged) in one line, never a stack trace.
     */
    @Test
    void killedWhileDumpingLeavesNothingUnsafe() throws Exception {
        Path workDir = AgentRun.tempDir("killed");
        Path dumps = workDir.resolve("dumps");
        Process jvm = AgentRun.withAgent("dump.dir=" + dumps, "-Xmx48m", "-cp", AgentRun.classPath(),
                FaultWorkload.class.getName(), "20000").directory(workDir).start();
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && jvm.isAlive() && !hasFile(dumps)) {
                Thread.sleep(5);
            }
            assertThat(hasFile(dumps)).as("the workload must make the agent dump").isTrue();
        } finally {
            jvm.destroyForcibly().waitFor(); // SIGKILL, as a container's OOM killer sends
        }
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).as("nothing but the dump directory").containsExactly(dumps);
        }
        List<Path> files;
        try (Stream<Path> left = Files.list(dumps)) {
            files = left.toList();
        }
        for (Path file : files) {
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "analyze", "--fail-on", "never",
                    file.toString());
            assertThat(exit).as(file + ": " + err).isIn(0, 3);
            assertThat(err.toString().lines().count()).as(err.toString()).isLessThanOrEqualTo(1);
        }
    }

    private static boolean hasFile(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        }
    }

    private static String beforeRetained(String stdout) {
        return stdout.substring(0, stdout.lastIndexOf("retained "));
    }

    private static long retained(String stdout) {
        return Long.parseLong(stdout.substring(stdout.lastIndexOf("retained ") + 9).strip());
    }
}
