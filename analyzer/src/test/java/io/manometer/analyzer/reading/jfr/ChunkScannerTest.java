package io.manometer.analyzer.reading.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The positional reader must read what JFR's own reader reads, field by field: every kind of value
 * JFR writes, strings in each of their encodings (pooled, inline, Latin-1, UTF-16, empty, null),
 * across chunks, beside events it steps over. What it cannot read it refuses, so the caller can
 * fall back to JFR's reader.
 */
class ChunkScannerTest {
    @Name("test.EveryKind")
    @StackTrace(true)
    static class EveryKind extends Event {
        int anInt;
        long aLong;
        short aShort;
        char aChar;
        byte aByte;
        boolean aBoolean;
        float aFloat;
        double aDouble;
        String text;
        Thread thread;
        Class<?> type;
        @jdk.jfr.Timespan(jdk.jfr.Timespan.MILLISECONDS)
        long waitMillis; // a time not in ticks: stored as written, compared as a number
        long after; // read right after values of every width: any misstep shows here
    }

    @Name("test.SteppedOver")
    static class SteppedOver extends Event {
        String text;
        long number;
    }

    private static final String[] TEXTS = {null, "", "short", "a string long enough for JFR to pool it, repeated",
            "déjà vu: Latin-1", "队列 grows ⏱ (UTF-16)", "x".repeat(300)};

    @TempDir
    static Path dir;
    static Path threeChunks;

    @BeforeAll
    static void record() throws Exception {
        threeChunks = dir.resolve("three-chunks.jfr");
        try (OutputStream out = Files.newOutputStream(threeChunks)) {
            for (int chunk = 0; chunk < 3; chunk++) { // separate recordings laid end to end: one chunk each
                Path part = dir.resolve("part-" + chunk + ".jfr");
                try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
                    r.enable(EveryKind.class);
                    r.enable(SteppedOver.class);
                    r.start();
                    for (int i = 0; i < 300; i++) {
                        long n = chunk * 1000L + i;
                        EveryKind e = new EveryKind();
                        e.anInt = (int) (i % 2 == 0 ? -n : n * 1_000_003);
                        e.aLong = i % 3 == 0 ? Long.MIN_VALUE + n : n << 40;
                        e.aShort = (short) (i % 2 == 0 ? -i : i * 100);
                        e.aChar = (char) (i % 2 == 0 ? 'a' + i % 26 : 0x4e00 + i);
                        e.aByte = (byte) (i - 128);
                        e.aBoolean = i % 5 == 0;
                        e.aFloat = i / 3f;
                        e.aDouble = -i / 7.0;
                        e.text = TEXTS[i % TEXTS.length];
                        e.thread = Thread.currentThread();
                        e.type = i % 2 == 0 ? String.class : ChunkScannerTest.class;
                        e.waitMillis = n * 7;
                        e.after = 0x0123_4567_89ab_cdefL ^ n;
                        e.commit();
                        SteppedOver s = new SteppedOver();
                        s.text = "stepped over " + i;
                        s.number = -n;
                        s.commit();
                    }
                    r.stop();
                    r.dump(part);
                }
                out.write(Files.readAllBytes(part));
            }
        }
    }

    @Test
    void readsEveryFieldOfEveryChunkAsJfrsOwnReaderDoes() throws IOException {
        assertThat(ReaderComparison.differences(threeChunks, Set.of("test.EveryKind"), 10)).isEmpty();
        List<String> texts = new ArrayList<>();
        long[] afters = {0};
        ChunkScanner.scan(threeChunks, Set.of("test.EveryKind"), e -> {
            texts.add(e.getString(e.fieldIndex("text")));
            afters[0]++;
        });
        assertThat(afters[0]).isEqualTo(900);
        assertThat(texts).containsAll(java.util.Arrays.asList(TEXTS)); // every encoding met and decoded
    }

    @Test
    void handsOverOnlyTheEventsAskedFor() throws IOException {
        List<String> names = new ArrayList<>();
        ChunkScanner.scan(threeChunks, Set.of("test.SteppedOver"), e -> names.add(e.name()));
        assertThat(names).hasSize(900).containsOnly("test.SteppedOver");
        assertThat(ReaderComparison.differences(threeChunks, Set.of("test.SteppedOver", "test.EveryKind"), 10))
                .isEmpty();
    }

    @Test
    void aFieldTheEventLacksIsAbsentAndOneNotANumberIsNotReadAsOne() throws IOException {
        ChunkScanner.scan(threeChunks, Set.of("test.SteppedOver"), e -> {
            assertThat(e.fieldIndex("no such field")).isEqualTo(-1);
            assertThatThrownBy(() -> e.getLong(e.fieldIndex("text"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> e.getString(e.fieldIndex("number"))).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void anUnfinishedChunkIsRefusedForJfrsReaderToRead() throws IOException {
        Path unfinished = Files.copy(threeChunks, dir.resolve("unfinished.jfr"));
        try (FileChannel f = FileChannel.open(unfinished, StandardOpenOption.WRITE)) {
            f.write(ByteBuffer.wrap(new byte[] {1}), 64); // the first chunk's state: still being written
        }
        assertThatThrownBy(() -> ChunkScanner.scan(unfinished, Set.of("test.EveryKind"), e -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("unfinished");
    }

    @Test
    void aCutFileIsRefusedNotReadAsFewerEvents() throws IOException {
        byte[] whole = Files.readAllBytes(threeChunks);
        Path cut = Files.write(dir.resolve("cut.jfr"), java.util.Arrays.copyOf(whole, whole.length - 100));
        assertThatThrownBy(() -> ChunkScanner.scan(cut, Set.of("test.EveryKind"), e -> { }))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aChunkWhoseHeaderPointsAmissIsRefused() throws IOException {
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(threeChunks));
        long pools = header.getLong(16);
        long metadata = header.getLong(24);
        // The constant pools where the metadata is, the metadata where the pools are, pools outside the chunk.
        for (long[] field : new long[][] {{16, metadata}, {24, pools}, {16, Integer.MAX_VALUE}}) {
            Path corrupt = Files.copy(threeChunks, dir.resolve("corrupt-" + field[0] + "-" + field[1] + ".jfr"));
            try (FileChannel f = FileChannel.open(corrupt, StandardOpenOption.WRITE)) {
                f.write(ByteBuffer.allocate(8).putLong(0, field[1]), field[0]);
            }
            assertThatThrownBy(() -> ChunkScanner.scan(corrupt, Set.of("test.EveryKind"), e -> { }))
                    .as("header field at %d set to %d", field[0], field[1]).isInstanceOf(IOException.class);
        }
    }
}
