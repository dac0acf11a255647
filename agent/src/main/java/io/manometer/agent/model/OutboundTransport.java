package io.manometer.agent.model;

import io.manometer.agent.AgentLog;
import java.lang.reflect.Field;

/**
 * One kind of network connection whose outbound buffer the agent follows, as its library
 * integration declares it: how advice names it to the bridge, how the recording names it, and the
 * field of the library's class that holds the connection's pending bytes (read by the sampler,
 * never on the write path).
 */
public final class OutboundTransport {
    public final int code;
    public final String label;
    private final String pendingBytesField;
    /** The pending-bytes field of each class seen, found once per class (null: not readable). */
    private final ClassValue<Field> fields = new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
            return pendingBytesFieldOf(type);
        }
    };

    public OutboundTransport(int code, String label, String pendingBytesField) {
        this.code = code;
        this.label = label;
        this.pendingBytesField = pendingBytesField;
    }

    /** A connection's pending bytes, or 0 when they cannot be read (the agent says so once, in its log). */
    public long pendingBytes(Object buffer) {
        Field f = fields.get(buffer.getClass());
        if (f == null) {
            return 0;
        }
        try {
            return f.getType() == long.class ? f.getLong(buffer) : f.getInt(buffer);
        } catch (IllegalAccessException e) {
            return 0;
        }
    }

    private Field pendingBytesFieldOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) { // gRPC's is a subclass's superclass's
            try {
                Field f = c.getDeclaredField(pendingBytesField);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // a superclass's
            } catch (RuntimeException e) { // a named module that does not open the package
                AgentLog.warn("the pending bytes of " + type.getName() + " cannot be read (" + e
                        + "); its connections are reported with 0 bytes pending");
                return null;
            }
        }
        AgentLog.warn("no pending-bytes field found in " + type.getName()
                + "; its connections are reported with 0 bytes pending");
        return null;
    }
}
