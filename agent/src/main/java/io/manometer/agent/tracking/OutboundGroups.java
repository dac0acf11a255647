package io.manometer.agent.tracking;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.model.OutboundTransport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connections that backed up, grouped by transport, buffer class and writing line. Bounded in
 * groups and in connections; a connection turned away still gets counters (counted nowhere) and is
 * counted as untracked, so the recording says what it left out.
 */
public final class OutboundGroups {
    static final int MAX_GROUPS = 1000;
    static final int MAX_CONNECTIONS = 100_000;

    private final Map<String, OutboundGroup> groups = new LinkedHashMap<>();
    private final AtomicLong ids;
    private final AtomicLong untracked;
    private int connections;

    OutboundGroups(AtomicLong ids, AtomicLong untracked) {
        this.ids = ids;
        this.untracked = untracked;
    }

    /** Follows a connection that just backed up, written at {@code writer}, in its group. */
    synchronized void add(Object buffer, OutboundTransport transport, CallSite writer, String writerThread,
                          OutboundCounters counters) {
        String type = buffer.getClass().getName();
        String key = transport.label + " " + type + " " + writer.site();
        OutboundGroup group = groups.get(key);
        if (group == null && groups.size() < MAX_GROUPS) {
            group = new OutboundGroup(ids.incrementAndGet(), transport, type, writer, writerThread);
            groups.put(key, group);
        }
        if (group == null || connections >= MAX_CONNECTIONS) {
            untracked.incrementAndGet();
            return;
        }
        group.add(buffer, counters);
        connections++;
    }

    /** Every group, read now (sampler thread); a group whose connections are all gone is read a last time and dropped. */
    public synchronized List<Reading> read() {
        List<Reading> readings = new ArrayList<>(groups.size());
        connections = 0;
        groups.values().removeIf(group -> {
            OutboundGroup.Reading r = group.read();
            readings.add(new Reading(group, r));
            connections += group.size();
            return r.connections() == 0;
        });
        return readings;
    }

    /** A group and what was read of it. */
    public record Reading(OutboundGroup group, OutboundGroup.Reading counts) {}
}
