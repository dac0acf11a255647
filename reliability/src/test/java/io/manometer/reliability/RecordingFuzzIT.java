package io.manometer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.reliability.FaultWorkload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.manometer.analyzer.cli.Main;
import io.manometer.testkit.ChildJvm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyzer against damaged recordings, at scale: a real recording (a workload under the agent,
 * recorded by the user's own {@code -XX:StartFlightRecording}, two chunks) mutated a thousand ways
 * in CI, ten thousand in the long mode (bits flipped, cut short, ranges zeroed or duplicated,
 * chunk headers, metadata and constant pools corrupted). Every case must end within its time limit
 * with exit 0, 1 or 3, at most one line on stderr and never a stack trace; and a damaged file must
 * never yield a kind of finding its original did not have unless the report says it is damaged.
 */
class RecordingFuzzIT {
    private static final long SEED = 20261207L;
    private static final int TIME_LIMIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir;
    private static byte[] original;
    private static List<long[]> chunks; // {offset, size, constantPoolOffset, metadataOffset}
    private static Set<String> originalKinds;
    private static final ExecutorService ANALYZER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzzed-analyzer");
        t.setDaemon(true); // a hung case must not keep the test JVM alive
        return t;
    });

    @BeforeAll
    static void record() throws Exception {
        dir = AgentRun.tempDir("fuzz");
        Path recording = dir.resolve("original.jfr");
        ChildJvm.Result run = AgentRun.withAgent("", "-Xmx64m",
                "-XX:StartFlightRecording:filename=" + recording + ",settings=default",
                "-Xlog:jfr+startup=off", "-cp", AgentRun.classPath(), FaultWorkload.class.getName(), "7000").run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        original = Files.readAllBytes(recording);
        System.out.println("fuzz: the original recording is " + recording); // with the seed, any case again
        chunks = chunkHeaders(original);
        Analysis whole = analyse(recording);
        assertThat(whole.exit).as(whole.toString()).isIn(0, 1);
        originalKinds = whole.kinds();
        assertThat(originalKinds).as("the original must have findings to lose or gain: " + whole).isNotEmpty();
        assertThat(chunks).as("several chunks, so a damaged one leaves others").hasSizeGreaterThan(1);
    }

    @AfterAll
    static void stop() {
        ANALYZER.shutdownNow();
    }

    /** Cases whose chunk headers, metadata or constant pools are damaged, and every other mutation. */
    @Test
    void noMutationHangsThrowsOrInventsAFindingUnsaid() throws Exception {
        int cases = AgentRun.longMode() ? 10_000 : 1_000;
        Random random = new Random(SEED);
        Map<String, int[]> outcomes = new TreeMap<>(); // mutation -> count by exit 0, 1, 3, damaged
        List<String> failures = new ArrayList<>();
        Path file = dir.resolve("case.jfr");
        for (int c = 0; c < cases; c++) {
            Mutation m = Mutation.values()[c % Mutation.values().length];
            byte[] mutated = m.apply(random, original.clone());
            Files.write(file, mutated);
            Analysis a = analyse(file);
            String what = "case " + c + " (" + m + ", seed " + SEED + "): " + a;
            if (a.timedOut) {
                Path kept = Files.copy(file, dir.resolve("hung-case-" + c + ".jfr")); // to reproduce it
                failures.add("hung: " + what + " (the file: " + kept + ")");
                break; // the analyzer's thread is stuck: later cases would queue behind it
            }
            if (a.exit != 0 && a.exit != 1 && a.exit != 3) {
                failures.add("exit " + a.exit + ": " + what);
            } else if (a.err.lines().count() > 1 || a.err.contains("\tat ") || a.err.contains("Exception in")
                    || a.err.contains("internal error")) {
                failures.add("stderr: " + what);
            } else if (a.exit != 3 || a.report != null) {
                Set<String> invented = new TreeSet<>(a.kinds());
                invented.removeAll(originalKinds);
                if (!invented.isEmpty() && !a.damaged()) {
                    failures.add("invented " + invented + " without saying damaged: " + what);
                }
            }
            int[] counts = outcomes.computeIfAbsent(m.name(), k -> new int[5]);
            counts[a.exit == 3 ? 2 : Math.min(Math.max(a.exit, 0), 1)]++;
            counts[3] += a.damaged() ? 1 : 0;
            // Damage JFR cannot see (a flipped bit in a number parses): counted, so the figure is known.
            counts[4] += a.exit != 3 && !a.damaged() && !a.kinds().containsAll(originalKinds) ? 1 : 0;
        }
        StringBuilder summary = new StringBuilder("fuzz: " + cases + " cases; per mutation: exit 0 / 1 / 3 / read in part / "
                + "a finding lost, undetectably damaged\n");
        outcomes.forEach((m, n) -> summary.append(String.format("  %-22s %5d %5d %5d %5d %5d%n", m, n[0], n[1], n[2], n[3], n[4])));
        System.out.print(summary);
        assertThat(failures).as(summary.toString()).isEmpty();
        int salvaged = outcomes.values().stream().mapToInt(n -> n[3]).sum();
        assertThat(salvaged).as("some damaged files are read in part: " + summary).isPositive();
    }

    /** A chunk damaged beyond reading: the other is still judged, and the damage is named. */
    @Test
    void theWholeChunksOfADamagedFileAreStillJudged() throws Exception {
        for (int damaged = 0; damaged < chunks.size(); damaged++) {
            byte[] bytes = original.clone();
            long[] chunk = chunks.get(damaged);
            // Zero the chunk's metadata event: nothing in that chunk can be decoded.
            int metadata = (int) (chunk[0] + chunk[3]);
            Arrays.fill(bytes, metadata, Math.min(bytes.length, metadata + 512), (byte) 0);
            Path file = Files.write(dir.resolve("chunk-" + damaged + "-damaged.jfr"), bytes);
            Analysis a = analyse(file);
            assertThat(a.exit).as("3, or 1 when a finding still fails the gate: " + a).isIn(1, 3);
            assertThat(a.damaged()).as(a.toString()).isTrue();
            assertThat(a.err).as(a.toString()).contains("damaged");
            assertThat(a.report.path("recordings").get(0).path("gaps").toString())
                    .contains("chunk " + (damaged + 1) + " of " + chunks.size());
            if (damaged == chunks.size() - 1) { // the agent's samples are in the last chunks
                continue;
            }
            assertThat(a.kinds()).as("the last chunk's findings survive a damaged first: " + a).isNotEmpty();
        }
    }

    /** The analyzer's verdict on one file, as a user's command line gets it. */
    private record Analysis(int exit, String out, String err, JsonNode report, boolean timedOut) {
        Set<String> kinds() {
            Set<String> kinds = new TreeSet<>();
            if (report != null) {
                report.path("findings").forEach(f -> kinds.add(f.path("kind").asText()));
            }
            return kinds;
        }

        boolean damaged() {
            return report != null && report.path("recordings").path(0).path("damaged").asBoolean();
        }

        @Override
        public String toString() {
            return "exit " + exit + ", kinds " + kinds() + ", damaged " + damaged() + ", stderr: " + err.strip();
        }
    }

    private static Analysis analyse(Path file) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> exit = ANALYZER.submit(() -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "analyze", "--format", "json", "--fail-on", "critical", file.toString()));
        try {
            int code = exit.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
            JsonNode report = null;
            if (!out.toString().isBlank()) {
                report = JSON.readTree(out.toString());
            }
            return new Analysis(code, out.toString(), err.toString(), report, false);
        } catch (TimeoutException e) {
            exit.cancel(true);
            return new Analysis(-1, out.toString(), err.toString(), null, true);
        }
    }

    /** {offset, size, constant pool offset, metadata offset} of each chunk, from its header. */
    private static List<long[]> chunkHeaders(byte[] bytes) {
        List<long[]> found = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        for (long at = 0; at + 68 <= bytes.length; ) {
            long size = b.getLong((int) at + 8);
            found.add(new long[] {at, size, b.getLong((int) at + 16), b.getLong((int) at + 24)});
            at += size;
        }
        return found;
    }

    /** The ways a recording is damaged: those of disks and copies, and those aimed at JFR's structures. */
    private enum Mutation {
        BIT_FLIPS {
            byte[] apply(Random r, byte[] b) {
                for (int i = 1 + r.nextInt(8); i > 0; i--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
        },
        TRUNCATION {
            byte[] apply(Random r, byte[] b) {
                return Arrays.copyOf(b, r.nextInt(b.length));
            }
        },
        ZEROED_RANGE {
            byte[] apply(Random r, byte[] b) {
                int from = r.nextInt(b.length);
                Arrays.fill(b, from, Math.min(b.length, from + 1 + r.nextInt(4096)), (byte) 0);
                return b;
            }
        },
        DUPLICATED_RANGE {
            byte[] apply(Random r, byte[] b) {
                int length = 1 + r.nextInt(4096);
                int from = r.nextInt(b.length - length);
                int to = r.nextInt(b.length - length);
                if (r.nextBoolean()) { // written over
                    System.arraycopy(b, from, b, to, length);
                    return b;
                }
                byte[] longer = new byte[b.length + length]; // or inserted, shifting what follows
                System.arraycopy(b, 0, longer, 0, to);
                System.arraycopy(b, from, longer, to, length);
                System.arraycopy(b, to, longer, to + length, b.length - to);
                return longer;
            }
        },
        CHUNK_HEADER {
            byte[] apply(Random r, byte[] b) {
                long[] chunk = chunks.get(r.nextInt(chunks.size()));
                int field = 8 * (1 + r.nextInt(8)); // size, pools, metadata, times, ticks
                b[(int) chunk[0] + field + r.nextInt(8)] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
        },
        METADATA {
            byte[] apply(Random r, byte[] b) {
                long[] chunk = chunks.get(r.nextInt(chunks.size()));
                return flipNear(r, b, chunk[0] + chunk[3], (int) Math.min(chunk[1] - chunk[3], 8192));
            }
        },
        CONSTANT_POOL {
            byte[] apply(Random r, byte[] b) {
                long[] chunk = chunks.get(r.nextInt(chunks.size()));
                return flipNear(r, b, chunk[0] + chunk[2], 4096);
            }
        };

        abstract byte[] apply(Random r, byte[] bytes);

        private static byte[] flipNear(Random r, byte[] b, long at, int within) {
            for (int i = 1 + r.nextInt(4); i > 0; i--) {
                int p = (int) Math.min(b.length - 1, at + r.nextInt(Math.max(1, within)));
                b[p] ^= (byte) (1 << r.nextInt(8));
            }
            return b;
        }
    }
}
