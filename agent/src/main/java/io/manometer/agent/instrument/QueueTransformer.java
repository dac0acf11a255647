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
import io.manometer.agent.instrument.advice.SideTableConstructedAdvice;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.asm.Advice;
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
 * Classes loaded before the agent, and their subclasses, count in the side table instead
 * ({@link CounterAccess}).
 */
final class QueueTransformer {
    static final int FIELD_MODIFIERS = Opcodes.ACC_PROTECTED | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC;
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
    /** Queue classes loaded before the agent: never transformed here, so they cannot hold the field. */
    private final Set<String> loadedBeforeAgent;
    /**
     * Those of them retransformed to count through the side table (see PreloadedClassTransformation):
     * their subclasses count there too, or one queue would have two sets of counters.
     */
    private final Set<String> sideTabled;

    QueueTransformer(TypeHierarchy hierarchy, Set<String> loadedBeforeAgent, Set<String> sideTabled) {
        this.hierarchy = hierarchy;
        this.loadedBeforeAgent = new HashSet<>(loadedBeforeAgent);
        this.sideTabled = new HashSet<>(sideTabled);
    }

    /** Returns the builder with counters and advice added, or null when the class is left as it is. */
    DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                                     byte[] classFile) {
        TypeDescription owner = null;
        for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
            TypeDescription erased = t.asErasure();
            if (!hierarchy.isBufferClass(loader, erased.getInternalName())) {
                break;
            }
            if (loadedBeforeAgent.contains(erased.getName())) {
                if (sideTabled.contains(erased.getName())) {
                    return advise(builder, type, classFile, CounterAccess.sideTable());
                }
                break;
            }
            owner = erased; // the topmost so far: deterministic, so every class of a hierarchy agrees
        }
        if (owner == null) {
            return null;
        }
        if (owner.equals(type)) {
            builder = builder
                    .defineField(CounterField.NAME, BufferCounters.class, Visibility.PROTECTED,
                            FieldManifestation.PLAIN, SyntheticState.SYNTHETIC)
                    .visit(Advice.to(BufferConstructedAdvice.class).on(ElementMatchers.isConstructor()));
        }
        return advise(builder, type, classFile, CounterAccess.field(owner));
    }

    /**
     * A queue class loaded before the agent, retransformed: no field can be added, so its
     * constructors put new queues' counters in the side table, and its operations find them there.
     */
    DynamicType.Builder<?> transformLoaded(DynamicType.Builder<?> builder, TypeDescription type, byte[] classFile) {
        return advise(builder.visit(Advice.to(SideTableConstructedAdvice.class).on(ElementMatchers.isConstructor())),
                type, classFile, CounterAccess.sideTable());
    }

    /** Whether a class performs any counted operation itself (else a retransformation would add nothing). */
    static boolean countsAnything(byte[] classFile) {
        return !QueueOperations.countedOperations(classFile).isEmpty();
    }

    /** Advice on the operations the class performs itself, finding the counters as {@code mapping} says. */
    private static DynamicType.Builder<?> advise(DynamicType.Builder<?> builder, TypeDescription type,
                                                 byte[] classFile, Advice.WithCustomMapping mapping) {
        Map<String, Operation> operations = QueueOperations.countedOperations(classFile);
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
}
