package io.manometer.agent.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.agent.events.MemoryBufferSampleEvent;
import io.manometer.agent.events.QueueSampleEvent;
import io.manometer.analyzer.reading.AgentEvents;
import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.RecordingReader;
import java.nio.file.Path;
import jdk.jfr.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live verdict reads the agent's events as they are written: it must read what the analyzer reads of them recorded. */
class WrittenEventTest {
    @TempDir
    Path dir;

    @Test
    void anEventReadAsItIsWrittenGivesWhatTheRecordedOneGives() throws Exception {
        Recording live = Recording.live("live");
        WrittenEvent written = new WrittenEvent();
        Path file = dir.resolve("written.jfr");
        try (jdk.jfr.Recording jfr = new jdk.jfr.Recording()) {
            jfr.enable(QueueSampleEvent.class);
            jfr.enable(MemoryBufferSampleEvent.class);
            jfr.start();
            for (int i = 1; i <= 3; i++) {
                write(queueSample(i), live, written);
                write(memoryBufferSample(i), live, written);
            }
            jfr.stop();
            jfr.dump(file);
        }
        Recording offline = new RecordingReader().read(file);

        for (BufferSeries.Subject subject : new BufferSeries.Subject[] {BufferSeries.Subject.QUEUE,
                BufferSeries.Subject.MEMORY_BUFFER}) {
            BufferSeries a = live.series(subject).get(0);
            BufferSeries b = offline.series(subject).get(0);
            assertThat(a.samples.size()).as(subject.label).isEqualTo(3).isEqualTo(b.samples.size());
            for (int i = 0; i < 3; i++) {
                assertThat(a.samples.depth(i)).isEqualTo(b.samples.depth(i));
                assertThat(a.samples.in(i)).isEqualTo(b.samples.in(i));
                assertThat(a.samples.out(i)).isEqualTo(b.samples.out(i));
            }
            assertThat(a.type()).isEqualTo(b.type());
            assertThat(a.createdAt()).isEqualTo(b.createdAt());
            assertThat(a.producerSite()).isEqualTo(b.producerSite()).isNotEmpty();
            assertThat(a.producerStack()).isEqualTo(b.producerStack());
            assertThat(a.capacity()).isEqualTo(b.capacity());
            assertThat(a.refused()).isEqualTo(b.refused());
            assertThat(a.consumerThreadNames()).isEqualTo(b.consumerThreadNames());
            assertThat(a.oldestWaitSeconds()).isEqualTo(b.oldestWaitSeconds());
            long skew = Math.abs(a.samples.lastTime() - b.samples.lastTime());
            assertThat(skew).as("stamped when written, as JFR stamps it").isLessThan(1_000_000_000L);
        }
    }

    private static void write(Event event, Recording live, WrittenEvent written) {
        event.commit();
        AgentEvents.read(live, written.of(event), written);
    }

    private static QueueSampleEvent queueSample(int i) {
        QueueSampleEvent e = new QueueSampleEvent();
        e.bufferId = 7;
        e.bufferType = "java.util.concurrent.LinkedBlockingQueue";
        e.createdAt = "app.Main.main(Main.java:10)";
        e.createdBy = "";
        e.creationStack = "app.Main.main(Main.java:10)";
        e.producerSite = "app.Main.produce(Main.java:20)";
        e.producerStack = "app.Main.produce(Main.java:20)|app.Main.main(Main.java:11)";
        e.producerThread = "producer";
        e.producerThreads = "producer";
        e.consumerThreads = "consumer";
        e.capacity = -1;
        e.depth = 100L * i;
        e.depthExact = true;
        e.inserted = 150L * i;
        e.removed = 50L * i;
        e.oldestWaitMillis = 40L * i;
        return e;
    }

    private static MemoryBufferSampleEvent memoryBufferSample(int i) {
        MemoryBufferSampleEvent e = new MemoryBufferSampleEvent();
        e.bufferId = 8;
        e.bufferType = "java.io.ByteArrayOutputStream";
        e.writerSite = "app.Export.write(Export.java:5)";
        e.writerStack = "app.Export.write(Export.java:5)";
        e.writerThread = "main";
        e.size = (1L << 20) * i;
        e.capacity = (2L << 20) * i;
        return e;
    }
}
