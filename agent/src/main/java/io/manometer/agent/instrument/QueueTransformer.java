package io.manometer.agent.instrument;

import io.manometer.agent.model.QueueTypes;

import io.manometer.agent.bootstrap.BufferCounters;
import io.manometer.agent.instrument.QueueOperations.Operation;
import io.manometer.agent.instrument.advice.BufferConstructedAdvice;
import io.manometer.agent.instrument.advice.CounterField;
import io.manometer.agent.instrument.advice.InsertAdvice;
import io.manometer.agent.instrument.advice.InsertIfTrueAdvice;
import io.manometer.agent.instrument.advice.RemoveCountAdvice;
import io.manometer.agent.instrument.advice.RemoveIfTrueAdvice;
import io.manometer.agent.instrument.advice.RemoveReturnedAdvice;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.SyntheticState;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Instruments one queue class: the class at the top of its queue hierarchy gets the counters
 * field and a constructor hook; every class gets advice on the operations it performs itself.
 */
final class QueueTransformer {
    static final int FIELD_MODIFIERS = Opcodes.ACC_PROTECTED | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC;
    static final TypeDescription.Generic COUNTERS_TYPE =
            TypeDescription.ForLoadedType.of(BufferCounters.class).asGenericType();
    private static final Map<Operation, Class<?>> ADVICE = new EnumMap<>(Map.of(
            Operation.INSERT_VOID, InsertAdvice.class,
            Operation.INSERT_IF_TRUE, InsertIfTrueAdvice.class,
            Operation.REMOVE_RETURNED, RemoveReturnedAdvice.class,
            Operation.REMOVE_IF_TRUE, RemoveIfTrueAdvice.class,
            Operation.REMOVE_COUNT, RemoveCountAdvice.class));

    /** A consumer's blocking removals (name and descriptor). */
    private static final Set<String> BLOCKING_TAKES = Set.of("take()Ljava/lang/Object;",
            "poll(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", "takeFirst()Ljava/lang/Object;",
            "takeLast()Ljava/lang/Object;", "pollFirst(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;",
            "pollLast(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;");

    /** Decides which classes are instrumented; only they can hold the field. */
    private final TypeHierarchy hierarchy;
    /** Queue classes loaded before the agent: never transformed, so they cannot hold the field. */
    private final Set<String> loadedBeforeAgent;

    QueueTransformer(TypeHierarchy hierarchy, Set<String> loadedBeforeAgent) {
        this.hierarchy = hierarchy;
        this.loadedBeforeAgent = new HashSet<>(loadedBeforeAgent);
    }

    /** Returns the builder with counters and advice added, or null when the class is left as it is. */
    DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                                     byte[] classFile) {
        TypeDescription owner = fieldOwner(type, loader);
        if (owner == null) {
            return null;
        }
        Map<String, Operation> operations = QueueOperations.countedOperations(classFile);
        if (owner.equals(type)) {
            builder = builder
                    .defineField(CounterField.NAME, BufferCounters.class, Visibility.PROTECTED,
                            FieldManifestation.PLAIN, SyntheticState.SYNTHETIC)
                    .visit(Advice.to(BufferConstructedAdvice.class).on(ElementMatchers.isConstructor()));
        }
        FieldDescription counters = new FieldDescription.Latent(owner, CounterField.NAME, FIELD_MODIFIERS,
                COUNTERS_TYPE, List.of());
        Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(CounterField.Value.class, counters);
        boolean countRemovals = !QueueTypes.removalsDerived(type.getName());
        for (Map.Entry<Operation, Class<?>> advice : ADVICE.entrySet()) {
            Set<String> methods = new HashSet<>();
            operations.forEach((key, op) -> {
                // Where removals are derived, only a consumer's blocking takes run advice: not to
                // count (the sampler derives that) but to learn, rarely, which threads consume.
                if (op == advice.getKey() && (countRemovals || op.insert || BLOCKING_TAKES.contains(key))) {
                    methods.add(key);
                }
            });
            if (!methods.isEmpty()) {
                builder = builder.visit(mapping.to(advice.getValue()).on(
                        (MethodDescription m) -> methods.contains(m.getInternalName() + m.getDescriptor())));
            }
        }
        return builder;
    }

    /**
     * The topmost class above (or equal to) {@code type} that this transformer instruments and that
     * was loaded after the agent started. Deterministic, so every class of a hierarchy agrees on it even
     * though a class is transformed before its superclass is loaded.
     */
    private TypeDescription fieldOwner(TypeDescription type, ClassLoader loader) {
        TypeDescription owner = null;
        for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
            TypeDescription erased = t.asErasure();
            if (!hierarchy.isBufferClass(loader, erased.getInternalName())
                    || loadedBeforeAgent.contains(erased.getName())) {
                break;
            }
            owner = erased;
        }
        return owner;
    }
}
