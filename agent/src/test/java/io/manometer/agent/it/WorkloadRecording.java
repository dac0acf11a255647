package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A workload class run in a child JVM under the real agent with a recording: its exit, the events
 * it recorded, and the line numbers it printed as {@code lines N N N ...}.
 */
record WorkloadRecording(ChildJvm.Result run, List<RecordedEvent> events, int[] lines) {

    static WorkloadRecording of(Class<?> workload, Path dir) throws Exception {
        Path jfr = dir.resolve(workload.getSimpleName() + ".jfr");
        Ran ran = run(workload, jfr);
        return new WorkloadRecording(ran.run(), RecordingFile.readAllEvents(jfr), ran.lines());
    }

    /** A workload's run (it exited normally) and the lines it printed. */
    record Ran(Class<?> workload, ChildJvm.Result run, int[] lines) {
        /** The frame of the workload's {@code main} at the {@code index}-th printed line. */
        String mainAt(int index) {
            return workload.getName() + ".main(" + workload.getSimpleName() + ".java:" + lines[index] + ")";
        }
    }

    /** Runs {@code workload} with {@code args} under the agent, recording to {@code jfr}. */
    static Ran run(Class<?> workload, Path jfr, String... args) throws Exception {
        ChildJvm.Result run = ChildJvm.java()
                .args("-javaagent:" + ChildJvm.builtFile("manometer.agentJar"),
                        "-XX:StartFlightRecording=filename=" + jfr,
                        "-cp", testClasses(), workload.getName())
                .args(args)
                .timeoutSeconds(120)
                .run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String line = run.stdout().lines().filter(l -> l.startsWith("lines ")).findFirst().orElseThrow();
        int[] lines = Arrays.stream(line.substring(6).split(" "))
                .takeWhile(part -> part.matches("-?\\d+"))
                .mapToInt(Integer::parseInt).toArray();
        return new Ran(workload, run, lines);
    }

    static String testClasses() throws Exception {
        return Path.of(WorkloadRecording.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
