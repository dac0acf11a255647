package io.manometer.agent.events;

import io.manometer.agent.sampling.BufferSample;
import io.manometer.agent.sampling.Snapshot;
import io.manometer.agent.tracking.TrackedBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which queue samples of a period are written: a described buffer whose depth and counts stand
 * still is written once when it stops, then every few seconds rather than every period: idle
 * buffers cost next to nothing, and a stall still shows. What was written last is
 * the event writer's own record, kept for the buffers described in the last period.
 */
final class UnchangedSamples {
    private final long writeEveryNanos;
    /** For each buffer written last period: when it was last written, and whether it was unchanged then. */
    private Map<TrackedBuffer, Written> last = new IdentityHashMap<>();

    private record Written(long atNanos, boolean unchanged) {}

    UnchangedSamples(long writeEveryNanos) {
        this.writeEveryNanos = writeEveryNanos;
    }

    List<BufferSample> toWrite(Snapshot snapshot) {
        List<BufferSample> written = new ArrayList<>(snapshot.buffers().size());
        Map<TrackedBuffer, Written> now = new IdentityHashMap<>(snapshot.buffers().size() * 2);
        for (BufferSample s : snapshot.buffers()) {
            Written before = last.get(s.buffer());
            if (s.unchanged() && before != null && before.unchanged()
                    && snapshot.takenAtNanos() - before.atNanos() < writeEveryNanos) {
                now.put(s.buffer(), before);
                continue;
            }
            now.put(s.buffer(), new Written(snapshot.takenAtNanos(), s.unchanged()));
            written.add(s);
        }
        last = now;
        return written;
    }
}
