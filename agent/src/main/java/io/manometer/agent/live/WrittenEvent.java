package io.manometer.agent.live;

import io.manometer.analyzer.reading.EventFields;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.Event;
import jdk.jfr.Name;

/**
 * One of the agent's events as it is written, read as the analyzer reads a recorded one: its fields
 * by their names in the schema (the event classes' public fields bear them), stamped now. One
 * instance, pointed at each event in turn; callers hold the judge's lock.
 */
final class WrittenEvent implements EventFields {
    /** An event class's name and fields, looked up once. */
    private record Shape(String name, Map<String, Field> fields) {}

    private final Map<Class<?>, Shape> shapes = new HashMap<>();
    private Event event;
    private Shape shape;
    private long startNanos;

    /** Points at {@code e}, written now; returns the event's name. */
    String of(Event e) {
        event = e;
        shape = shapes.computeIfAbsent(e.getClass(), WrittenEvent::shapeOf);
        Instant now = Instant.now();
        startNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return shape.name();
    }

    private static Shape shapeOf(Class<?> type) {
        Map<String, Field> fields = new HashMap<>();
        for (Field f : type.getFields()) {
            fields.put(f.getName(), f);
        }
        Name name = type.getAnnotation(Name.class);
        return new Shape(name == null ? type.getName() : name.value(), fields);
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    public boolean hasField(String name) {
        return shape.fields().containsKey(name);
    }

    // Primitive reads (Field.getLong widens an int): no boxing for the twenty-odd numbers of each
    // of the hundreds of samples written a second.
    @Override
    public long getLong(String name) {
        try {
            return field(name).getLong(event);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int getInt(String name) {
        try {
            return field(name).getInt(event);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean getBoolean(String name) {
        try {
            return field(name).getBoolean(event);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getString(String name) {
        try {
            Object value = field(name).get(event);
            return value == null ? "" : (String) value;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Field field(String name) {
        Field f = shape.fields().get(name);
        if (f == null) {
            throw new IllegalArgumentException("no field " + name + " in " + shape.name());
        }
        return f;
    }
}
