package io.manometer.analyzer.reading;

import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;

/**
 * A {@link RecordedEvent} read as {@link EventFields}. One per stream, pointed at each event in turn
 * ({@link #of}): reading millions of events allocates nothing more.
 */
final class RecordedEventFields implements EventFields {
    private RecordedEvent event;

    RecordedEventFields of(RecordedEvent e) {
        this.event = e;
        return this;
    }

    @Override
    public long startNanos() {
        Instant start = event.getStartTime();
        return start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    @Override
    public boolean hasField(String name) {
        return event.hasField(name);
    }

    @Override
    public long getLong(String name) {
        return event.getLong(name);
    }

    @Override
    public int getInt(String name) {
        return event.getInt(name);
    }

    @Override
    public boolean getBoolean(String name) {
        return event.getBoolean(name);
    }

    @Override
    public String getString(String name) {
        String s = event.getString(name);
        return s == null ? "" : s;
    }
}
