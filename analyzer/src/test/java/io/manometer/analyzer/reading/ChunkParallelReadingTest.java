package io.manometer.analyzer.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording of several chunks read chunk by chunk on several threads must come out exactly as
 * read in one pass: same series, samples, peaks, last values, descriptive fields and counts.
 */
class ChunkParallelReadingTest {
    @TempDir
    Path dir;

    private static long chunkDirectories() throws java.io.IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("manometer-chunks")).count();
        }
    }

    /** Three separate recordings laid end to end: one chunk each, 150 samples of three queues. */
    private Path threeChunks() throws Exception {
        Path whole = dir.resolve("three-chunks.jfr");
        try (OutputStream out = Files.newOutputStream(whole)) {
            for (int chunk = 0; chunk < 3; chunk++) { // separate recordings laid end to end: one chunk each
                Path part = dir.resolve("part-" + chunk + ".jfr");
                try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
                    r.enable(EventNames.QUEUE_SAMPLE);
                    r.start();
                    for (int i = 0; i < 50; i++) {
                        for (int id = 1; id <= 3; id++) {
                            TestQueueSample e = new TestQueueSample();
                            e.bufferId = id;
                            e.bufferType = chunk == 0 && id == 3 ? null : "java.util.concurrent.LinkedBlockingQueue";
                            e.createdAt = "Q" + id;
                            e.capacity = id == 2 ? 100 : -1;
                            long n = chunk * 50L + i;
                            e.depth = id * n + (id == 1 && n == 70 ? 10_000 : 0); // buffer 1 peaks in the middle chunk
                            e.inserted = 10 * n + e.depth;
                            e.removed = 10 * n;
                            e.atCapacity = id == 2 && n % 3 == 0;
                            e.refused = id == 2 ? n : 0;
                            e.commit();
                        }
                    }
                    r.stop();
                    r.dump(part);
                }
                out.write(Files.readAllBytes(part));
            }
        }
        assertThat(ChunkHeaders.check(whole).chunks()).hasSize(3);
        return whole;
    }

    @Test
    void onlyRecordingsOfSeveralModerateChunksAreReadInParallel() {
        Path file = dir.resolve("any.jfr");
        long mb = 1 << 20;
        List<ChunkHeaders.Chunk> twelveMb = List.of(new ChunkHeaders.Chunk(0, 12 * mb), new ChunkHeaders.Chunk(12 * mb, 12 * mb));
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1);
        assertThat(ChunkParallelReading.prepare(file, new ChunkHeaders.Layout(twelveMb, 0))).isPresent()
                .hasValueSatisfying(reading -> assertThat(reading.copies().toFile().delete()).isTrue());
        assertThat(ChunkParallelReading.prepare(file, new ChunkHeaders.Layout(twelveMb.subList(0, 1), 0)))
                .as("one chunk").isEmpty();
        assertThat(ChunkParallelReading.prepare(file, new ChunkHeaders.Layout(List.of(
                new ChunkHeaders.Chunk(0, 4 * mb), new ChunkHeaders.Chunk(4 * mb, 4 * mb)), 0))).as("8 MB in all").isEmpty();
        assertThat(ChunkParallelReading.prepare(file, new ChunkHeaders.Layout(List.of(
                new ChunkHeaders.Chunk(0, 300 * mb), new ChunkHeaders.Chunk(300 * mb, 300 * mb)), 0)))
                .as("chunks too large to copy").isEmpty();
    }

    @Test
    void aChunkThatCannotBeCopiedIsReportedAsSuchSoTheReaderFallsBackToOnePass() throws Exception {
        Path whole = threeChunks();
        Optional<ChunkParallelReading> parallel = ChunkParallelReading.prepare(whole, ChunkHeaders.check(whole), 0, 0);
        org.junit.jupiter.api.Assumptions.assumeTrue(parallel.isPresent(), "one processor: nothing to read in parallel");
        Files.createFile(parallel.get().copies().resolve("segment-0.jfr")); // the copy cannot be written
        assertThatThrownBy(() -> parallel.get().readInto(new Recording(whole), RecordingReader::stream, events -> { }))
                .isInstanceOf(ChunkParallelReading.CopyFailed.class);
        assertThat(Files.exists(parallel.get().copies())).as("copies cleaned up").isFalse();
        assertThat(new RecordingReader().read(whole).eventsRead).isEqualTo(450);
    }

    @Test
    void segmentsAreRunsOfWholeChunksOfAtLeastTheTargetSize() {
        List<ChunkHeaders.Chunk> chunks = List.of(new ChunkHeaders.Chunk(0, 10), new ChunkHeaders.Chunk(10, 5),
                new ChunkHeaders.Chunk(15, 30), new ChunkHeaders.Chunk(45, 4), new ChunkHeaders.Chunk(49, 2));
        assertThat(ChunkParallelReading.segments(chunks, 12)).containsExactly(
                new ChunkParallelReading.Segment(0, 15), new ChunkParallelReading.Segment(15, 30),
                new ChunkParallelReading.Segment(45, 6));
        assertThat(ChunkParallelReading.segments(chunks, 0)).as("one chunk each").hasSize(5);
        assertThat(ChunkParallelReading.segments(chunks, 1000)).containsExactly(new ChunkParallelReading.Segment(0, 51));
    }

    @Test
    void chunksReadApartAddUpToTheWholeRecording() throws Exception {
        readApartMatchesOnePass(threeChunks(), 0); // a segment per chunk
    }

    @Test
    void segmentsOfSeveralChunksReadApartAddUpToTheWholeRecording() throws Exception {
        Path whole = threeChunks();
        List<ChunkHeaders.Chunk> chunks = ChunkHeaders.check(whole).chunks();
        long firstTwo = chunks.get(0).size() + chunks.get(1).size();
        assertThat(ChunkParallelReading.segments(chunks, firstTwo)).hasSize(2);
        readApartMatchesOnePass(whole, firstTwo);
    }

    private void readApartMatchesOnePass(Path whole, long segmentBytes) throws Exception {
        ChunkHeaders.Layout layout = ChunkHeaders.check(whole);

        Recording oneThread = new Recording(whole);
        RecordingReader.stream(whole, oneThread, () -> { });
        long chunkDirectoriesBefore = chunkDirectories();
        Optional<ChunkParallelReading> parallel = ChunkParallelReading.prepare(whole, layout, 0, segmentBytes);
        org.junit.jupiter.api.Assumptions.assumeTrue(parallel.isPresent(), "one processor: nothing to read in parallel");
        Recording chunked = new Recording(whole);
        long[] progress = {0};
        int flushes = parallel.get().readInto(chunked, RecordingReader::stream, events -> progress[0] = events);

        assertThat(flushes).isGreaterThanOrEqualTo(3);
        assertThat(progress[0]).isEqualTo(450);
        assertSameReading(oneThread, chunked);
        assertThat(chunkDirectories()).as("temporary chunk copies deleted").isEqualTo(chunkDirectoriesBefore);
    }

    @Test
    void samplesReadByPositionComeOutAsJfrsOwnReaderReadsThem() throws Exception {
        Path whole = threeChunks();
        Recording jfr = new RecordingReader(RecordingReader.SampleReader.JFR).read(whole);
        assertSameReading(jfr, new RecordingReader(RecordingReader.SampleReader.POSITIONAL).read(whole));
        int[] flushes = {0};
        long[] progress = {0};
        Optional<Recording> chunkByChunk = SplitReading.read(whole, whole, ChunkHeaders.check(whole).chunks(),
                events -> progress[0] = events, flushes, 0); // each chunk scanned apart
        assertThat(chunkByChunk).isPresent();
        assertSameReading(jfr, chunkByChunk.get());
        assertThat(flushes[0]).isGreaterThanOrEqualTo(3);
        assertThat(progress[0]).isEqualTo(450);
    }

    /** The same series, samples, peaks, last values, descriptive fields and counts. */
    private static void assertSameReading(Recording oneThread, Recording chunked) {
        assertThat(chunked.eventsRead).isEqualTo(oneThread.eventsRead).isEqualTo(450);
        // A chunk read alone converts its ticks to time on its own: the same instants to within a microsecond.
        assertThat(chunked.startNanos()).isCloseTo(oneThread.startNanos(), within(1_000L));
        assertThat(chunked.durationSeconds()).isCloseTo(oneThread.durationSeconds(), within(1e-6));
        List<BufferSeries> expected = List.copyOf(oneThread.series());
        List<BufferSeries> actual = List.copyOf(chunked.series());
        assertThat(actual).hasSize(3);
        for (int i = 0; i < expected.size(); i++) {
            BufferSeries e = expected.get(i);
            BufferSeries a = chunked.series(BufferSeries.Subject.QUEUE, e.id);
            assertThat(a.id).isEqualTo(e.id);
            assertThat(a.type()).isEqualTo(e.type()).isEqualTo("java.util.concurrent.LinkedBlockingQueue");
            assertThat(a.createdAt()).isEqualTo(e.createdAt());
            assertThat(a.createdBy()).isEqualTo(e.createdBy());
            assertThat(a.creationStack()).isEqualTo(e.creationStack());
            assertThat(a.capacity()).isEqualTo(e.capacity());
            assertThat(a.refused()).isEqualTo(e.refused());
            assertThat(a.fractionAtCapacity()).isEqualTo(e.fractionAtCapacity());
            assertThat(a.samples.size()).isEqualTo(e.samples.size()).isEqualTo(150);
            assertThat(a.samples.peakDepth()).isEqualTo(e.samples.peakDepth());
            assertThat(a.samples.lastDepth()).isEqualTo(e.samples.lastDepth());
            assertThat(a.samples.lastIn()).isEqualTo(e.samples.lastIn());
            for (int k = 0; k < e.samples.size(); k++) {
                assertThat(a.samples.time(k)).isCloseTo(e.samples.time(k), within(1_000L));
                assertThat(a.samples.depth(k)).isEqualTo(e.samples.depth(k));
                assertThat(a.samples.out(k)).isEqualTo(e.samples.out(k));
            }
        }
        assertThat(chunked.series(BufferSeries.Subject.QUEUE, 1).samples.peakDepth()).isEqualTo(10_070);
        assertThat(chunked.series(BufferSeries.Subject.QUEUE, 2).refused()).isEqualTo(149);
    }
}
