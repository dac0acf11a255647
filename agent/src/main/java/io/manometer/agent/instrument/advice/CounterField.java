package io.manometer.agent.instrument.advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The counters field the agent adds to the topmost instrumented class of each queue hierarchy.
 * Advice parameters marked {@link Value} are bound to it wherever in the hierarchy it lives.
 */
public final class CounterField {
    public static final String NAME = io.manometer.agent.model.CounterFieldName.NAME;

    private CounterField() {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Value {}
}
