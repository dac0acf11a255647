package io.manometer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.reliability.SoakServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.manometer.analyzer.cli.Main;
import io.manometer.testkit.ChildJvm;
import io.manometer.testkit.LiveAlerts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A real HTTP server (Jetty) under a loopback load generator, with the agent, for 90 s in CI and
 * 8 min in the long mode; then the same server with a planted unbounded queue, 30 s (2 min). The
 * healthy one: every request answered, no alert, no finding, the heap kept after collections flat,
 * the agent's events per second bounded. The planted one: its queue reported, at its line.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the fault runs, which mostly wait: 4 clients keep at most 4 requests in flight
class SoakIT {
    private static final int REQUESTS_PER_SECOND = 400;
    /** Heap kept after collections may rise this much from the run's second quarter to its last. */
    private static final long FLAT_BYTES = 8L << 20;
    /** The agent's events per second, at most, for a server with a few dozen buffers. */
    private static final double EVENTS_PER_SECOND_BOUND = 100;

    @Test
    void aHealthyServerStaysQuietAndTheAgentStaysFlat() throws Exception {
        int seconds = AgentRun.longMode() ? 480 : 90;
        Path recording = AgentRun.tempDir("soak").resolve("healthy.jfr");
        ChildJvm.Result run = serve(recording, seconds, "healthy");
        assertThat(LiveAlerts.in(run.stderr())).as(run.toString()).isEmpty();
        Analysis analysis = analyse(recording);
        assertThat(analysis.exit).as("no finding at warning or above: " + analysis.report).isZero();

        List<long[]> heapAfterGc = new ArrayList<>(); // {nanos, bytes}
        long agentEvents = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                long t = e.getStartTime().toEpochMilli() * 1_000_000L;
                first = Math.min(first, t);
                last = Math.max(last, t);
                String name = e.getEventType().getName();
                if (name.startsWith("manometer.")) {
                    agentEvents++;
                } else if (name.equals("jdk.GCHeapSummary") && "After GC".equals(e.getString("when"))) {
                    heapAfterGc.add(new long[] {t, e.getLong("heapUsed")});
                }
            }
        }
        double duration = (last - first) / 1e9;
        double eventsPerSecond = agentEvents / duration;
        long secondQuarter = medianBetween(heapAfterGc, first + (last - first) / 4, first + (last - first) / 2);
        long lastQuarter = medianBetween(heapAfterGc, first + 3 * (last - first) / 4, last);
        System.out.printf("soak %d s: %s; agent events %.1f/s; heap kept after GC, median: %.1f MB (2nd quarter), "
                + "%.1f MB (last)%n", seconds, run.stdout().lines().filter(l -> l.startsWith("answered")).findFirst().orElse("?"),
                eventsPerSecond, secondQuarter / 1048576.0,
                lastQuarter / 1048576.0);
        assertThat(eventsPerSecond).isLessThan(EVENTS_PER_SECOND_BOUND);
        assertThat(lastQuarter - secondQuarter).as("heap kept after collections stays flat").isLessThan(FLAT_BYTES);
    }

    @Test
    void thePlantedQueueIsReportedAtItsLine() throws Exception {
        int seconds = AgentRun.longMode() ? 120 : 30;
        Path recording = AgentRun.tempDir("soak").resolve("planted.jfr");
        ChildJvm.Result run = serve(recording, seconds, "planted");
        assertThat(LiveAlerts.in(run.stderr())).as(run.toString())
                .anyMatch(a -> a.site().startsWith(SoakServer.class.getName()));
        Analysis analysis = analyse(recording);
        List<String> sites = new ArrayList<>();
        analysis.report.path("findings").forEach(f -> sites.add(f.path("kind").asText() + " at " + f.path("site").asText()));
        assertThat(sites).as(analysis.report.toString()).isNotEmpty()
                .allMatch(s -> s.contains(SoakServer.class.getName()) || s.startsWith("heap-growth"))
                .anyMatch(s -> s.startsWith("queue-backlog") || s.startsWith("early-ack"));
    }

    private static ChildJvm.Result serve(Path recording, int seconds, String mode) throws Exception {
        ChildJvm.Result run = AgentRun.withAgent("", "-Xmx256m",
                "-XX:StartFlightRecording:filename=" + recording + ",settings=default", "-Xlog:jfr+startup=off",
                "-cp", AgentRun.classPath(), SoakServer.class.getName(), Integer.toString(seconds),
                Integer.toString(REQUESTS_PER_SECOND), mode).timeoutSeconds(seconds + 120L).run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).as(run.toString()).contains("failed 0");
        assertThat(run.stderr().lines()).as("only the agent's lines (and Jetty's logging notice)\n" + run)
                .allMatch(l -> AgentRun.isAgentLine(l) || l.startsWith("SLF4J"));
        return run;
    }

    private record Analysis(int exit, JsonNode report) {}

    private static Analysis analyse(Path recording) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "analyze", "--format", "json",
                recording.toString());
        assertThat(err.toString()).isEmpty();
        return new Analysis(exit, new ObjectMapper().readTree(out.toString()));
    }

    private static long medianBetween(List<long[]> samples, long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long[] s : samples) {
            if (s[0] >= from && s[0] <= to) {
                values.add(s[1]);
            }
        }
        assertThat(values).as("collections between the marks").isNotEmpty();
        values.sort(null);
        return values.get(values.size() / 2);
    }
}
