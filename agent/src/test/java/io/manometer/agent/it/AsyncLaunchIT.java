package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Async launches and discarded refusals, counted at their call sites by the real agent in a real JVM. */
class AsyncLaunchIT {
    private static final String PREFIX = AsyncWorkload.class.getName() + ".main(AsyncWorkload.java:";

    @TempDir
    static Path dir;
    static ChildJvm.Result run;
    static List<RecordedEvent> events;
    static int[] lines;

    @BeforeAll
    static void runWorkload() throws Exception {
        WorkloadRecording recording = WorkloadRecording.of(AsyncWorkload.class, dir);
        run = recording.run();
        lines = recording.lines();
        events = recording.events();
    }

    @Test
    void completableFuturesInFlightAreCountedAtTheirLaunchingLine() {
        RecordedEvent e = lastLaunch(lines[0]);
        assertThat(e.getString("launchKind")).isEqualTo("completable-future");
        assertThat(e.getLong("launched")).isEqualTo(300);
        assertThat(e.getLong("inFlight")).isEqualTo(300);
        assertThat(e.getLong("peakInFlight")).isEqualTo(300);
        assertThat(e.getBoolean("inFlightExact")).isTrue();
        assertThat(e.getString("launchingThreads")).isEqualTo("main");
        assertThat(e.getString("launchStack")).startsWith(PREFIX + lines[0] + ")");
    }

    @Test
    void finishedWorkLeavesFlightNormallyOrExceptionally() {
        for (int i : new int[] {1, 2}) {
            RecordedEvent e = lastLaunch(lines[i]);
            assertThat(e.getLong("launched")).isEqualTo(i == 1 ? 200 : 50);
            assertThat(e.getLong("completed")).isEqualTo(e.getLong("launched"));
            assertThat(e.getLong("inFlight")).isZero();
        }
    }

    @Test
    void submittedFuturesAreWatchedUntilDone() {
        RecordedEvent e = lastLaunch(lines[3]);
        assertThat(e.getString("launchKind")).isEqualTo("executor-submit");
        assertThat(e.getLong("launched")).isEqualTo(100);
        assertThat(e.getLong("inFlight")).isEqualTo(100);
    }

    @Test
    void startedThreadsAreInFlightUntilTheyEnd() {
        RecordedEvent held = lastLaunch(lines[4]);
        assertThat(held.getString("launchKind")).isEqualTo("thread-start");
        assertThat(held.getLong("inFlight")).isEqualTo(40);
        RecordedEvent done = lastLaunch(lines[5]);
        assertThat(done.getLong("launched")).isEqualTo(20);
        assertThat(done.getLong("inFlight")).isZero();
    }

    @Test
    void httpClientSendAsyncIsALaunch() {
        RecordedEvent e = lastLaunch(lines[6]);
        assertThat(e.getString("launchKind")).isEqualTo("http-send-async");
        assertThat(e.getLong("inFlight")).isEqualTo(10);
    }

    @Test
    void discardedOfferRefusalsAreCountedAndCheckedOnesAreNot() {
        List<RecordedEvent> refusals = events.stream()
                .filter(e -> e.getEventType().getName().equals("manometer.IgnoredRefusalSample")).toList();
        RecordedEvent offer = lastOf(refusals, lines[7]);
        assertThat(offer.getLong("refused")).isEqualTo(90);
        assertThat(offer.getString("calledMethod")).isEqualTo("java.util.concurrent.ArrayBlockingQueue.offer");
        assertThat(offer.getString("threads")).isEqualTo("main");
        RecordedEvent write = lastOf(refusals, lines[8]);
        assertThat(write.getLong("refused")).isEqualTo(7);
        assertThat(write.getString("calledMethod")).isEqualTo("java.nio.channels.WritableByteChannel.write");
        // The checked offer never appears; the discarded offer, the write and two rejection handlers do.
        assertThat(refusals.stream().map(e -> e.getString("callSite")).distinct()).hasSize(4);
        assertThat(run.stdout()).contains("dropped 90");
    }

    @Test
    void largeInMemoryBuffersAreSampledAtTheLineThatFillsThemAndSmallOnesAreNot() {
        List<RecordedEvent> buffers = events.stream()
                .filter(e -> e.getEventType().getName().equals("manometer.MemoryBufferSample")).toList();
        assertThat(buffers.stream().map(e -> e.getLong("bufferId")).distinct()).hasSize(3);
        RecordedEvent bytes = buffers.stream().filter(e -> e.getString("bufferType").equals("java.io.ByteArrayOutputStream"))
                .max(Comparator.comparing(RecordedEvent::getStartTime)).orElseThrow();
        assertThat(bytes.getLong("size")).isEqualTo(128L * 64 * 1024);
        assertThat(bytes.getLong("capacity")).isGreaterThanOrEqualTo(128L * 64 * 1024);
        assertThat(bytes.getString("writerSite")).isEqualTo(PREFIX + lines[9] + ")");
        assertThat(bytes.getString("writerThread")).isEqualTo("main");
        RecordedEvent chars = buffers.stream().filter(e -> e.getString("bufferType").equals("java.io.CharArrayWriter"))
                .max(Comparator.comparing(RecordedEvent::getStartTime)).orElseThrow();
        assertThat(chars.getLong("size")).isEqualTo(2L * 64 * 32 * 1024);
        assertThat(chars.getString("writerSite")).isEqualTo(PREFIX + lines[10] + ")");
        RecordedEvent text = buffers.stream().filter(e -> e.getString("bufferType").equals("java.io.StringWriter"))
                .max(Comparator.comparing(RecordedEvent::getStartTime)).orElseThrow();
        assertThat(text.getLong("size")).isEqualTo(2L * 16 * 100_000);
        assertThat(text.getString("writerSite")).isEqualTo(PREFIX + lines[13] + ")");
    }

    @Test
    void rejectionsCaughtAndDroppedAreCountedApartFromRejectionsHandled() {
        List<RecordedEvent> refusals = events.stream()
                .filter(e -> e.getEventType().getName().equals("manometer.IgnoredRefusalSample")).toList();
        RecordedEvent dropped = lastOf(refusals, lines[11]);
        assertThat(dropped.getString("calledMethod"))
                .isEqualTo("java.util.concurrent.RejectedExecutionException (caught and dropped)");
        assertThat(dropped.getLong("refused")).isEqualTo(8); // one running, one queued, eight refused
        RecordedEvent handled = lastOf(refusals, lines[12]);
        assertThat(handled.getString("calledMethod")).isEqualTo("java.util.concurrent.RejectedExecutionException (caught)");
        assertThat(handled.getLong("refused")).isEqualTo(5);
    }

    private static RecordedEvent lastLaunch(int line) {
        return lastOf(events.stream()
                .filter(e -> e.getEventType().getName().equals("manometer.AsyncLaunchSample")).toList(), line);
    }

    private static RecordedEvent lastOf(List<RecordedEvent> samples, int line) {
        String field = samples.isEmpty() || samples.get(0).hasField("launchSite") ? "launchSite" : "callSite";
        Optional<RecordedEvent> last = samples.stream()
                .filter(e -> e.getString(field).equals(PREFIX + line + ")"))
                .max(Comparator.comparing(RecordedEvent::getStartTime));
        assertThat(last).as("sample at line " + line + " in\n" + run).isPresent();
        return last.get();
    }
}
