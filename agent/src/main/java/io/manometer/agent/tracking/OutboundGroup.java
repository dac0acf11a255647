package io.manometer.agent.tracking;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.model.OutboundTransport;
import java.lang.ref.WeakReference;
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
                long p = transport.pendingBytes(buffer);
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
}
