package io.manometer.analyzer.reading;

/** A recording that cannot be read; the message is one line fit for a user. */
public final class RecordingReadException extends Exception {
    public RecordingReadException(String message) {
        super(message);
    }

    public RecordingReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
