package io.manometer.analyzer.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged recording: the whole chunks around the damage are read, and the damage is named. */
class DamagedChunksTest {
    @TempDir
    Path dir;

    /** Three one-chunk recordings end to end, 20 samples of queue 7 each (depth 0..59 in all). */
    private byte[] threeChunks() throws Exception {
        Path whole = dir.resolve("three.jfr");
        try (OutputStream out = Files.newOutputStream(whole)) {
            for (int chunk = 0; chunk < 3; chunk++) {
                Path part = dir.resolve("part-" + chunk + ".jfr");
                try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
                    r.enable(EventNames.QUEUE_SAMPLE);
                    r.start();
                    for (int i = 0; i < 20; i++) {
                        TestQueueSample e = new TestQueueSample();
                        e.bufferId = 7;
                        e.bufferType = "java.util.concurrent.LinkedBlockingQueue";
                        e.createdAt = "Q";
                        e.capacity = -1;
                        e.depth = chunk * 20L + i;
                        e.commit();
                    }
                    r.stop();
                    r.dump(part);
                }
                out.write(Files.readAllBytes(part));
            }
        }
        return Files.readAllBytes(whole);
    }

    private static long chunkSize(byte[] bytes, int at) {
        return ByteBuffer.wrap(bytes).getLong(at + 8);
    }

    @Test
    void aChunkHeaderThatIsNoHeaderIsSteppedOver() throws Exception {
        byte[] bytes = threeChunks();
        int second = (int) chunkSize(bytes, 0);
        bytes[second] = 'X'; // the second chunk's magic
        Path file = Files.write(dir.resolve("bad-header.jfr"), bytes);

        ChunkHeaders.Layout layout = ChunkHeaders.check(file);
        assertThat(layout.chunks()).hasSize(2);
        assertThat(layout.damage()).singleElement().asString().contains("chunk 2 does not start with a JFR chunk header");

        Recording recording = new RecordingReader().read(file);
        assertThat(recording.damage()).hasSize(1);
        assertThat(recording.series(BufferSeries.Subject.QUEUE, 7).samples.size()).isEqualTo(40);
        assertThat(recording.series(BufferSeries.Subject.QUEUE, 7).samples.lastDepth()).isEqualTo(59);
    }

    @Test
    void aChunkJfrCannotDecodeIsLeftOutAndNamed() throws Exception {
        byte[] bytes = threeChunks();
        int second = (int) chunkSize(bytes, 0);
        long metadata = ByteBuffer.wrap(bytes).getLong(second + 24);
        Arrays.fill(bytes, (int) (second + metadata), (int) (second + metadata + 256), (byte) 0);
        Path file = Files.write(dir.resolve("bad-metadata.jfr"), bytes);

        Recording recording = new RecordingReader().read(file);
        assertThat(recording.damage()).singleElement().asString().startsWith("chunk 2 of 3");
        assertThat(recording.series(BufferSeries.Subject.QUEUE, 7).samples.size()).isEqualTo(40);
    }

    @Test
    void aCutOffLastChunkLeavesTheOthers() throws Exception {
        byte[] bytes = threeChunks();
        int third = (int) (chunkSize(bytes, 0) + chunkSize(bytes, (int) chunkSize(bytes, 0)));
        Path file = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(bytes, third + 100));

        Recording recording = new RecordingReader().read(file);
        assertThat(recording.damage()).singleElement().asString().startsWith("truncated: chunk 3");
        assertThat(recording.series(BufferSeries.Subject.QUEUE, 7).samples.size()).isEqualTo(40);
    }
}
