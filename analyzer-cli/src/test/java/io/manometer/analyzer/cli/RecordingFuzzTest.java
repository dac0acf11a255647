package io.manometer.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import io.manometer.analyzer.reading.TestQueueSample;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates a real recording hundreds of ways (cut short, bytes flipped, runs zeroed) and checks that
 * the analyzer always answers like a tool: exit 0, 1 or 3, at most one line on stderr, never a
 * stack trace, never an internal error. The recording holds queue samples under the agent's event
 * name, so the damage reaches the positional reader as well as JFR's.
 */
class RecordingFuzzTest {
    private static final int CASES = 300;

    @TempDir
    static Path dir;
    static byte[] original;

    @BeforeAll
    static void record() throws Exception {
        Path file = dir.resolve("original.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.GCHeapSummary");
            r.enable("jdk.ThreadAllocationStatistics").withPeriod(java.time.Duration.ofMillis(50));
            r.enable(TestQueueSample.class);
            r.start();
            for (int i = 0; i < 3; i++) {
                System.gc();
                for (int q = 0; q < 50; q++) {
                    TestQueueSample e = new TestQueueSample();
                    e.bufferId = q % 5;
                    e.bufferType = "java.util.concurrent.LinkedBlockingQueue";
                    e.createdAt = "com.example.Pipeline.start(Pipeline.java:" + (q % 5) + ")";
                    e.createdBy = e.createdAt;
                    e.creationStack = e.createdAt;
                    e.capacity = -1;
                    e.depth = i * 100L + q;
                    e.inserted = 10L * e.depth;
                    e.removed = 9L * e.depth;
                    e.commit();
                }
                Thread.sleep(100);
            }
            r.stop();
            r.dump(file);
        }
        original = Files.readAllBytes(file);
    }

    @Test
    void noMutationMakesTheAnalyzerThrow() throws Exception {
        Random random = new Random(20261126);
        int[] byExit = new int[5];
        for (int c = 0; c < CASES; c++) {
            byte[] mutated = mutate(random, c);
            Path file = Files.write(dir.resolve("case-" + c + ".jfr"), mutated);
            AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("analyze", "--format", "json", file.toString());
            String what = "case " + c + " (" + mutated.length + " bytes): exit " + run.exit() + ", stderr: " + run.err();
            assertThat(run.exit()).as(what).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED, ExitCodes.UNREADABLE);
            assertThat(run.err().lines().count()).as(what).isLessThanOrEqualTo(1);
            assertThat(run.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception in");
            byExit[run.exit()]++;
            Files.delete(file);
        }
        System.out.printf("fuzz: %d cases, exit 0: %d, exit 3: %d%n", CASES, byExit[0], byExit[3]);
        // The mutations must reach both ends: files still read, and damage reported.
        assertThat(byExit[ExitCodes.OK]).isPositive();
        assertThat(byExit[ExitCodes.UNREADABLE]).isPositive();
    }

    private static byte[] mutate(Random random, int c) {
        byte[] bytes = original.clone();
        switch (c % 3) {
            case 0: // cut short anywhere
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1: // flip a few bytes, header included now and then
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return bytes;
            default: // zero a run
                int from = random.nextInt(bytes.length);
                Arrays.fill(bytes, from, Math.min(bytes.length, from + 1 + random.nextInt(64)), (byte) 0);
                return bytes;
        }
    }
}
