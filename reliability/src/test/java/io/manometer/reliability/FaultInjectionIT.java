package io.manometer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.reliability.FaultWorkload;
import io.manometer.agent.InjectedFault;
import io.manometer.testkit.ChildJvm;
import io.manometer.testkit.LiveAlerts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each part of the agent made to fail on purpose ({@link InjectedFault}), one per run, under a
 * workload that touches them all: the application prints exactly what it prints without the agent,
 * exits as it does, and its stderr holds nothing but the agent's lines, the fault said once. Where
 * the part recovers (the sampler restarts, a stack is not needed to count), the alert still comes.
 */
@Execution(ExecutionMode.CONCURRENT) // child JVMs that mostly sleep
class FaultInjectionIT {
    private static final String HEAP = "-Xmx48m";
    /**
     * Where a dump must be tried: once the heap kept passes a quarter of the maximum (the backlog
     * keeps 20 MB), not when the heap's end is projected, which a busy machine judges too late.
     */
    private static final String DUMP_EARLY = "dump.heap.percent=25";
    /**
     * Where no dump is wanted: a dump that begins as the application ends can lose its chunks to
     * JFR's exit hook, and JFR then writes its error on stdout (RELIABILITY.md, known limits).
     */
    private static final String NO_DUMP = "dump.before=1";
    private static final String STEPS = "7000";
    /** Where an alert is expected, the workload keeps its backlog growing until the verdict is critical, this long at most. */
    private static final String HOLD = "30";
    private static ChildJvm.Result withoutAgent;

    @BeforeAll
    static void runWithoutAgent() throws Exception {
        withoutAgent = AgentRun.withoutAgent(HEAP, "-cp", AgentRun.classPath(), FaultWorkload.class.getName(),
                STEPS, "0").run(); // no agent, no verdict to wait for
        assertThat(withoutAgent.exitCode()).as(withoutAgent.toString()).isZero();
        assertThat(withoutAgent.stderr()).isEmpty();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(InjectedFault.ADVICE, List.of("the agent's advice failed"), false),
                Arguments.of(InjectedFault.STACK_CAPTURE, List.of("a stack could not be captured"), true),
                Arguments.of(InjectedFault.EVENT_WRITE, List.of("the agent's events could not be written"), false),
                Arguments.of(InjectedFault.SAMPLER_DEATH, List.of("the sampler thread died"), true),
                Arguments.of(InjectedFault.AGENT_OOM,
                        List.of("the agent's advice failed", "sampling failed"), false),
                Arguments.of(InjectedFault.TRANSFORM, List.of("a class could not be instrumented"), false),
                Arguments.of(InjectedFault.LIVE_JUDGE, List.of("live verdicts stopped"), false),
                Arguments.of(InjectedFault.DUMP_DISK_FULL, List.of("the recording could not be dumped"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultCostsTheApplicationNothingAndIsSaidOnce(InjectedFault fault, List<String> notices, boolean alerts)
            throws Exception {
        Path dumps = AgentRun.tempDir("fault-dumps");
        String options = "dump.dir=" + dumps + "," + (fault == InjectedFault.DUMP_DISK_FULL ? DUMP_EARLY : NO_DUMP);
        ChildJvm.Result run = AgentRun.withAgent(options, HEAP,
                "-D" + InjectedFault.PROPERTY + "=" + fault.name().toLowerCase().replace('_', '-'),
                "-cp", AgentRun.classPath(), FaultWorkload.class.getName(), STEPS, alerts ? HOLD : "0").run();
        assertUntouched(run);
        for (String notice : notices) {
            assertThat(run.stderr().lines().filter(l -> l.contains(notice)))
                    .as("said once: " + notice + "\n" + run).hasSize(1)
                    .allMatch(l -> l.contains("injected fault"));
        }
        if (alerts) { // the part recovered, or was not needed: the verdict still comes
            assertThat(LiveAlerts.in(run.stderr())).as(run.toString()).isNotEmpty();
        }
        if (fault == InjectedFault.DUMP_DISK_FULL) {
            try (Stream<Path> left = Files.list(dumps)) {
                assertThat(left).as("no partial dump left behind").isEmpty();
            }
            assertThat(run.stderr()).doesNotContain("recording dumped to");
        }
    }

    /** Not injected: a dump directory that cannot be made (its parent is a file; even root cannot). */
    @Test
    void aDumpDirectoryThatCannotBeWrittenCostsOneLine() throws Exception {
        Path file = Files.createTempFile("not-a-directory", "");
        ChildJvm.Result run = AgentRun.withAgent("dump.dir=" + file.resolve("dumps") + "," + DUMP_EARLY, HEAP,
                "-cp", AgentRun.classPath(), FaultWorkload.class.getName(), STEPS, HOLD).run();
        assertUntouched(run);
        assertThat(run.stderr().lines().filter(l -> l.contains("could not be dumped"))).as(run.toString()).hasSize(1);
        assertThat(LiveAlerts.in(run.stderr())).as(run.toString()).isNotEmpty();
    }

    private static void assertUntouched(ChildJvm.Result run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(withoutAgent.exitCode());
        assertThat(run.stdout()).as(run.toString()).isEqualTo(withoutAgent.stdout());
        assertThat(run.stderr().lines()).as("only the agent's lines on stderr\n" + run).allMatch(AgentRun::isAgentLine);
        List<String> warnings = run.stderr().lines().filter(l -> l.startsWith("[manometer] WARNING")).toList();
        assertThat(warnings).as("no warning twice\n" + run).doesNotHaveDuplicates();
    }
}
