package io.manometer.agent.instrument;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import io.manometer.agent.instrument.advice.CounterField;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;

/**
 * Where advice finds a buffer's counters ({@link CounterField.Value}): in the field the agent adds
 * to a class loaded after it (a field load), or, for a class loaded before it, which can only be
 * retransformed and so cannot gain a field, in the agent's side table ({@link Bridge#countersOf}:
 * an identity-hash lookup). The advice is the same either way.
 */
final class CounterAccess {
    private static final TypeDescription.Generic COUNTERS_TYPE =
            TypeDescription.ForLoadedType.of(BufferCounters.class).asGenericType();
    private static final MethodDescription.InDefinedShape COUNTERS_OF;

    static {
        try {
            COUNTERS_OF = new MethodDescription.ForLoadedMethod(Bridge.class.getMethod("countersOf", Object.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private CounterAccess() {}

    /** The field {@code owner} declares (or will: the class being transformed may be the owner). */
    static Advice.WithCustomMapping field(TypeDescription owner) {
        FieldDescription counters = new FieldDescription.Latent(owner, CounterField.NAME,
                QueueTransformer.FIELD_MODIFIERS, COUNTERS_TYPE, List.of());
        return Advice.withCustomMapping().bind(CounterField.Value.class, counters);
    }

    /** The side table, keyed by {@code this}. */
    static Advice.WithCustomMapping sideTable() {
        StackManipulation lookup = new StackManipulation.Compound(MethodVariableAccess.loadThis(),
                MethodInvocation.invoke(COUNTERS_OF));
        return Advice.withCustomMapping().bind(CounterField.Value.class, lookup, COUNTERS_TYPE);
    }
}
