package io.manometer.analyzer.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file a JVM leaves in its disk repository when it dies before dumping (killed, or out of
 * memory) has an unfinished chunk: its header's file state is not 0 and bytes written after the
 * last flush may follow. JFR's stream waits forever for such a chunk; the reader must read it up
 * to its last flush instead.
 */
class UnfinishedRecordingTest {
    @TempDir
    Path dir;

    /** A finished one-chunk recording of {@code samples} samples, then marked as a chunk still being written. */
    private Path unfinished(int samples, byte[] afterLastFlush) throws Exception {
        Path file = dir.resolve("repository-chunk.jfr");
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            r.enable(EventNames.QUEUE_SAMPLE);
            r.start();
            for (int i = 0; i < samples; i++) {
                // One event class per name in a JVM: the one the chunk tests declare.
                TestQueueSample e = new TestQueueSample();
                e.bufferId = 7;
                e.bufferType = "java.util.concurrent.LinkedBlockingQueue";
                e.capacity = -1;
                e.depth = i;
                e.inserted = 10L * i;
                e.removed = 9L * i;
                e.commit();
            }
            r.stop();
            r.dump(file);
        }
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(ChunkHeaders.FILE_STATE_OFFSET);
            raw.write(3); // a flush generation: the JVM was still writing
            raw.seek(raw.length());
            raw.write(afterLastFlush);
        }
        return file;
    }

    @Test
    void aChunkItsJvmNeverFinishedIsReadUpToItsLastFlush() throws Exception {
        Path file = unfinished(40, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(ChunkHeaders.check(file).finished()).isFalse();

        Recording recording = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new RecordingReader().read(file));

        assertThat(recording.unfinished()).isTrue();
        assertThat(recording.series(BufferSeries.Subject.QUEUE, 7).samples.size()).isEqualTo(40);
        assertThat(recording.series(BufferSeries.Subject.QUEUE, 7).samples.lastDepth()).isEqualTo(39);
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(f -> f.getFileName().toString().startsWith("manometer-chunks")))
                    .as("the finished copy is deleted").isEmpty();
        }
    }

    @Test
    void aChunkWithNothingFlushedYetSaysSo() throws Exception {
        Path file = unfinished(3, new byte[0]);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(24);
            raw.writeLong(0); // no metadata written yet
        }
        assertThatThrownBy(() -> new RecordingReader().read(file)).isInstanceOf(RecordingReadException.class)
                .hasMessageContaining("has no events yet").hasMessageContaining("JFR.dump");
    }

    @Test
    void aFinishedRecordingIsReadAsItIs() throws Exception {
        Path file = unfinished(5, new byte[0]);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(ChunkHeaders.FILE_STATE_OFFSET);
            raw.write(0);
        }
        Recording recording = new RecordingReader().read(file);
        assertThat(recording.unfinished()).isFalse();
        assertThat(recording.series(BufferSeries.Subject.QUEUE, 7).samples.size()).isEqualTo(5);
    }
}
