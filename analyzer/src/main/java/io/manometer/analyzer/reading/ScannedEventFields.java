package io.manometer.analyzer.reading;

import io.manometer.analyzer.reading.jfr.ScannedEvent;

/**
 * A {@link ScannedEvent} read as {@link EventFields}: the agent's events read from a file by
 * position ({@link io.manometer.analyzer.reading.jfr.ChunkScanner}) rather than through
 * {@code jdk.jfr.consumer}. One per scan, pointed at each event in turn.
 */
final class ScannedEventFields implements EventFields {
    private ScannedEvent event;

    ScannedEventFields of(ScannedEvent e) {
        this.event = e;
        return this;
    }

    @Override
    public long startNanos() {
        return event.startNanos();
    }

    @Override
    public boolean hasField(String name) {
        return event.fieldIndex(name) >= 0;
    }

    @Override
    public long getLong(String name) {
        return event.getLong(index(name));
    }

    @Override
    public int getInt(String name) {
        return (int) event.getLong(index(name));
    }

    @Override
    public boolean getBoolean(String name) {
        return event.getLong(index(name)) != 0;
    }

    @Override
    public String getString(String name) {
        String s = event.getString(index(name));
        return s == null ? "" : s;
    }

    private int index(String name) {
        int index = event.fieldIndex(name);
        if (index < 0) {
            throw new IllegalArgumentException("no field " + name + " in " + event.name());
        }
        return index;
    }
}
