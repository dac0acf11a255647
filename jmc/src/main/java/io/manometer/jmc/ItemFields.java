package io.manometer.jmc;

import io.manometer.analyzer.reading.EventFields;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * One event type's items, as JDK Mission Control parsed them, read as the analyzer's
 * {@link EventFields}: a field by its name, a number in the unit the event declared it in (JMC
 * keeps a {@code @Timespan(MILLISECONDS)} in milliseconds, a {@code @DataAmount} in bytes). One per
 * type, pointed at each item in turn ({@link #of}).
 */
final class ItemFields implements EventFields {
    private final Map<String, IMemberAccessor<?, IItem>> fields = new HashMap<>();
    private final IMemberAccessor<IQuantity, IItem> startTime;
    private IItem item;

    ItemFields(IType<IItem> type) {
        for (IAccessorKey<?> key : type.getAccessorKeys().keySet()) {
            fields.put(key.getIdentifier(), type.getAccessor(key));
        }
        startTime = JfrAttributes.START_TIME.getAccessor(type);
    }

    ItemFields of(IItem next) {
        this.item = next;
        return this;
    }

    @Override
    public long startNanos() {
        IQuantity start = startTime == null ? null : startTime.getMember(item);
        return start == null ? 0 : start.clampedLongValueIn(UnitLookup.EPOCH_NS);
    }

    @Override
    public boolean hasField(String name) {
        return fields.containsKey(name);
    }

    @Override
    public long getLong(String name) {
        Object value = member(name);
        if (value instanceof IQuantity quantity) {
            return quantity.longValue();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException("field " + name + " is not a number: " + value);
    }

    @Override
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    @Override
    public boolean getBoolean(String name) {
        Object value = member(name);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("field " + name + " is not a boolean: " + value);
    }

    @Override
    public String getString(String name) {
        Object value = member(name);
        return value == null ? "" : value.toString();
    }

    private Object member(String name) {
        IMemberAccessor<?, IItem> accessor = fields.get(name);
        if (accessor == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return accessor.getMember(item);
    }
}
