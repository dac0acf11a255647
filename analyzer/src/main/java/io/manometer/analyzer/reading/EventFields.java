package io.manometer.analyzer.reading;

/**
 * What reading an agent event needs of it: when it was written and its fields by name. A JFR
 * {@code RecordedEvent} from a file or stream ({@link RecordedEventFields}), or the agent's event
 * object itself, read as it is written.
 */
public interface EventFields {
    /** When the event was written, in nanoseconds since the epoch. */
    long startNanos();

    boolean hasField(String name);

    long getLong(String name);

    int getInt(String name);

    boolean getBoolean(String name);

    /** The text, "" when it has none. */
    String getString(String name);
}
