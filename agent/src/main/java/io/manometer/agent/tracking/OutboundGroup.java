package io.manometer.agent.tracking;

import io.manometer.agent.AgentLog;
import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.model.OutboundTransport;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The connections of one transport whose writes backed up at one line of the application: summed,
 * so ten thousand slow clients of one handler are one series, not ten thousand. Connections are
 * held weakly; a collected one's counts are kept, so the sums never go back.
 */
public final class OutboundGroup {
    public final long id;
    public final OutboundTransport transport;
    /** Class name of the library's buffer (relocated, it says where the library was shaded). */
    public final String type;
    /** The write that first backed up a connection of this group: the line that writes. */
    public final CallSite writer;
    public final String writerThread;
    private final List<Member> members = new ArrayList<>();
    private long retiredWrites;
    private long retiredWritesWhileUnwritable;
    private long retiredBytesAdded;
    private long retiredBecameUnwritable;

    private record Member(WeakReference<Object> buffer, OutboundCounters counters) {}

    /** One reading of the group: bytes pending now, and its counts since it was first seen. */
    public record Reading(int connections, long pending, long maxPending, long bytesAdded, long writes,
                          long writesWhileUnwritable, long becameUnwritable) {}

    OutboundGroup(long id, OutboundTransport transport, String type, CallSite writer, String writerThread) {
        this.id = id;
        this.transport = transport;
        this.type = type;
        this.writer = writer;
        this.writerThread = writerThread;
    }

    synchronized void add(Object buffer, OutboundCounters counters) {
        members.add(new Member(new WeakReference<>(buffer), counters));
    }

    synchronized int size() {
        return members.size();
    }

    /** Reads every live connection once (sampler thread), and lets go of collected ones. */
    public synchronized Reading read() {
        int live = 0;
        long pending = 0;
        long max = 0;
        long writes = retiredWrites;
        long unwritable = retiredWritesWhileUnwritable;
        long bytes = retiredBytesAdded;
        long became = retiredBecameUnwritable;
        for (Iterator<Member> it = members.iterator(); it.hasNext(); ) {
            Member m = it.next();
            OutboundCounters c = m.counters;
            Object buffer = m.buffer.get();
            if (buffer == null) {
                retiredWrites += c.writes;
                retiredWritesWhileUnwritable += c.writesWhileUnwritable;
                retiredBytesAdded += c.bytesAdded;
                retiredBecameUnwritable += c.becameUnwritable;
                it.remove();
            } else {
                long p = PendingBytes.of(buffer);
                live++;
                pending += p;
                max = Math.max(max, p);
            }
            writes += c.writes;
            unwritable += c.writesWhileUnwritable;
            bytes += c.bytesAdded;
            became += c.becameUnwritable;
        }
        return new Reading(live, pending, max, bytes, writes, unwritable, became);
    }

    /** A connection's pending bytes, from the library's own field (found once per class). */
    static final class PendingBytes {
        private static final ClassValue<Field> FIELDS = new ClassValue<>() {
            @Override
            protected Field computeValue(Class<?> type) {
                for (Class<?> c = type; c != null; c = c.getSuperclass()) { // gRPC's is a subclass's superclass's
                    for (OutboundTransport t : OutboundTransport.values()) {
                        try {
                            Field f = c.getDeclaredField(t.pendingBytesField);
                            f.setAccessible(true);
                            return f;
                        } catch (NoSuchFieldException e) {
                            // the other transport's, or a superclass's
                        } catch (RuntimeException e) { // a named module that does not open the package
                            AgentLog.warn("the pending bytes of " + type.getName() + " cannot be read (" + e
                                    + "); its connections are reported with 0 bytes pending");
                            return null;
                        }
                    }
                }
                AgentLog.warn("no pending-bytes field found in " + type.getName()
                        + "; its connections are reported with 0 bytes pending");
                return null;
            }
        };

        private PendingBytes() {}

        /** The bytes, or 0 when they cannot be read (the agent says so once, in its log). */
        static long of(Object buffer) {
            Field f = FIELDS.get(buffer.getClass());
            if (f == null) {
                return 0;
            }
            try {
                return f.getType() == long.class ? f.getLong(buffer) : f.getInt(buffer);
            } catch (IllegalAccessException e) {
                return 0;
            }
        }
    }
}
