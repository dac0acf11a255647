package io.manometer.analyzer.reading.jfr;

import io.manometer.analyzer.reading.jfr.ChunkMetadata.Type;
import io.manometer.analyzer.reading.jfr.ScannedEvent.TimeConverter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands the events of the named types in a recording file to a handler, in file order (as an
 * unordered {@code EventStream} does), stepping over every other event by its size. Each chunk is
 * mapped and checked before any of its events is handed over: its header, its metadata, its
 * constant pools (of which only the strings are kept).
 */
public final class ChunkScanner {
    private static final int HEADER_BYTES = 68;
    private static final int MAGIC = 0x464c5200; // "FLR\0"
    private static final int FILE_STATE = 64;
    private static final int FLAGS = 67;
    private static final int COMPRESSED_INTEGERS = 1;
    private static final long METADATA_TYPE = 0;
    private static final long CHECKPOINT_TYPE = 1;

    /**
     * A chunk is read whole onto the heap (plain array reads are fast from the first event, where a
     * mapped buffer's are slow until compiled); larger chunks (JFR writes 12 MB unless told
     * otherwise) are left to JFR's reader.
     */
    private static final long MAX_CHUNK_BYTES = 64L << 20;

    /** Takes each wanted event; it may throw to stop the scan. */
    public interface Handler {
        void onEvent(ScannedEvent event);
    }

    private ChunkScanner() {}

    /**
     * Scans every chunk of {@code file} for events named in {@code wanted}. Throws when the file is
     * not one this reader reads (an unfinished chunk, another format version, uncompressed
     * integers) or does not parse; events of the chunks before were already handed over.
     */
    public static void scan(Path file, Set<String> wanted, Handler handler) throws IOException {
        scan(file, 0, Long.MAX_VALUE, wanted, handler);
    }

    /** As {@link #scan(Path, Set, Handler)}, over the chunks from byte {@code from} (a chunk's start) to {@code to}. */
    public static void scan(Path file, long from, long to, Set<String> wanted, Handler handler) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = Math.min(to, channel.size());
            long offset = from;
            while (offset < length) {
                ByteBuffer header = ByteBuffer.wrap(read(channel, offset, (int) Math.min(HEADER_BYTES, length - offset)));
                if (header.limit() < HEADER_BYTES || header.getInt(0) != MAGIC) {
                    throw new IOException("no chunk header at byte " + offset);
                }
                long size = header.getLong(8);
                if (header.getShort(4) != 2 || header.get(FILE_STATE) != 0
                        || (header.get(FLAGS) & COMPRESSED_INTEGERS) == 0) {
                    throw new IOException("chunk at byte " + offset + " is unfinished or of another format");
                }
                if (size <= HEADER_BYTES || size > MAX_CHUNK_BYTES || offset + size > length) {
                    throw new IOException("chunk at byte " + offset + " declares " + size + " bytes");
                }
                scanChunk(new ChunkInput(read(channel, offset, (int) size)), wanted, handler);
                offset += size;
            }
        } catch (RuntimeException e) { // a read past the end, a malformed number: the file is not as declared
            throw new IOException(file + ": " + e, e);
        }
    }

    private static void scanChunk(ChunkInput in, Set<String> wanted, Handler handler) throws IOException {
        int cpOffset = position(in, 16);
        int metadataOffset = position(in, 24);
        TimeConverter time = timeConverter(in);
        in.position(metadataOffset);
        ChunkMetadata metadata = ChunkMetadata.read(in);
        Map<Long, String> strings = strings(in, cpOffset, metadata);
        List<ScannedEvent.Layout> layouts = new ArrayList<>();
        for (Type type : metadata.types()) {
            if (wanted.contains(type.name)) {
                layouts.add(new ScannedEvent.Layout(type));
            }
        }
        if (layouts.isEmpty()) {
            return;
        }
        ScannedEvent.Layout[] byType = layouts.toArray(new ScannedEvent.Layout[0]);
        ScannedEvent event = new ScannedEvent(in, strings, time);
        int end = in.size();
        int position = HEADER_BYTES;
        while (position < end) {
            in.position(position);
            long size = in.readLong();
            if (size <= 0 || size > end - position) {
                throw new IOException("event at byte " + position + " declares " + size + " bytes");
            }
            long typeId = in.readLong();
            for (ScannedEvent.Layout layout : byType) {
                if (layout.typeId == typeId) {
                    event.decode(layout);
                    if (in.position() > position + size) {
                        throw new IOException(layout.name + " at byte " + position + " is longer than its size");
                    }
                    handler.onEvent(event);
                    break;
                }
            }
            position += (int) size;
        }
    }

    private static byte[] read(FileChannel channel, long offset, int size) throws IOException {
        byte[] chunk = new byte[size];
        ByteBuffer into = ByteBuffer.wrap(chunk);
        while (into.hasRemaining()) {
            if (channel.read(into, offset + into.position()) < 0) {
                throw new IOException("the file ends inside the chunk at byte " + offset);
            }
        }
        return chunk;
    }

    private static int position(ChunkInput in, int headerField) throws IOException {
        in.position(headerField);
        long offset = in.readRaw(8);
        if (offset < HEADER_BYTES || offset >= in.size()) {
            throw new IOException("header field at " + headerField + " points outside the chunk: " + offset);
        }
        return (int) offset;
    }

    private static TimeConverter timeConverter(ChunkInput in) {
        in.position(32);
        long startNanos = in.readRaw(8);
        in.position(48);
        long startTicks = in.readRaw(8);
        long ticksPerSecond = in.readRaw(8);
        return TimeConverter.of(startNanos, startTicks, ticksPerSecond);
    }

    /**
     * The chunk's pooled strings, by key. Its constant pools are a chain of checkpoint events, each
     * pointing at the next by a relative offset (0 ends it); every entry of other pools is stepped
     * over by its type.
     */
    private static Map<Long, String> strings(ChunkInput in, int first, ChunkMetadata metadata) throws IOException {
        Map<Long, String> strings = new HashMap<>();
        long at = first;
        long delta = -1;
        int checkpoints = 0;
        while (delta != 0) {
            if (at < HEADER_BYTES || at >= in.size() || ++checkpoints > 1_000_000) {
                throw new IOException("constant pool chain leaves the chunk at byte " + at);
            }
            in.position((int) at);
            long size = in.readLong();
            if (in.readLong() != CHECKPOINT_TYPE) {
                throw new IOException("no checkpoint event at byte " + at);
            }
            in.readLong(); // start
            in.readLong(); // duration
            delta = in.readLong();
            in.readByte(); // checkpoint kind (a flush or not)
            int pools = in.readInt();
            for (int p = 0; p < pools; p++) {
                Type type = metadata.type(in.readLong());
                if (type == null) {
                    throw new IOException("constant pool of an undeclared type at byte " + in.position());
                }
                int count = in.readCount();
                boolean isString = type.name.equals("java.lang.String");
                for (int i = 0; i < count; i++) {
                    long key = in.readLong();
                    if (isString) {
                        strings.put(key, in.readString(strings));
                    } else {
                        skipValue(in, type);
                    }
                }
            }
            if (in.position() != at + size) {
                throw new IOException("checkpoint at byte " + at + " is not the size it declares");
            }
            at += delta;
        }
        return strings;
    }

    private static void skipValue(ChunkInput in, Type type) throws IOException {
        if (!type.fields.isEmpty()) {
            ChunkMetadata.skipFields(in, type, 0);
            return;
        }
        switch (type.name) {
            case "byte", "boolean" -> in.readByte();
            case "float" -> in.readRaw(4);
            case "double" -> in.readRaw(8);
            case "java.lang.String" -> in.skipString();
            default -> in.readLong();
        }
    }
}
