package io.manometer.agent.tracking;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.lang.ref.WeakReference;

/** An in-memory byte or char buffer that grew past the agent's threshold; held weakly. */
public final class TrackedMemoryBuffer {
    public final long id;
    public final String type;
    /**
     * The line that fills it: the write that grew it past the threshold, or a later growth's when
     * the capture budget was spent then (a source launch's compiler spends it at start-up).
     */
    private volatile CallSite writer;
    public final String writerThread;
    private final WeakReference<Object> buffer;
    private volatile long capacityBytes;

    TrackedMemoryBuffer(long id, Object buffer, CallSite writer, String writerThread) {
        this.id = id;
        this.type = buffer.getClass().getName();
        this.buffer = new WeakReference<>(buffer);
        this.writer = writer;
        this.writerThread = writerThread;
    }

    /** Another growth, with a way to capture its writer's line if it is still unknown. */
    void grew(long capacity, java.util.function.Supplier<CallSite> writerNow) {
        capacityBytes = capacity;
        if (writer == CallSite.UNKNOWN) {
            writer = writerNow.get();
        }
    }

    public CallSite writer() {
        return writer;
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    /** Bytes written and held now; -1 once the buffer is gone. size() is O(1) on both kinds. */
    public long sizeBytes() {
        Object b = buffer.get();
        if (b instanceof ByteArrayOutputStream) {
            return ((ByteArrayOutputStream) b).size();
        }
        if (b instanceof CharArrayWriter) {
            return ((CharArrayWriter) b).size() * 2L;
        }
        if (b instanceof java.io.StringWriter) {
            return ((java.io.StringWriter) b).getBuffer().length() * 2L;
        }
        return -1;
    }
}
