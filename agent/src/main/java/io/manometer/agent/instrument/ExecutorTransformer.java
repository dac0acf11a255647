package io.manometer.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.manometer.agent.bootstrap.BufferCounters;
import io.manometer.agent.instrument.advice.CounterField;
import io.manometer.agent.instrument.advice.ExecutorConstructedAdvice;
import io.manometer.agent.instrument.advice.ForkJoinPoolConstructedAdvice;
import io.manometer.agent.instrument.advice.InsertAdvice;
import io.manometer.agent.instrument.advice.RejectedAdvice;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.SyntheticState;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Registers every {@code ThreadPoolExecutor} and {@code ForkJoinPool} at construction and counts
 * submissions in a field, as queues count inserts, so the thread that feeds it can be named.
 * Backlog and completions are not counted per task: the pools keep them, and the sampler reads
 * them once per period.
 */
final class ExecutorTransformer {
    private ExecutorTransformer() {}

    static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                                            TypeHierarchy.Kind kind) {
        boolean forkJoin = kind == TypeHierarchy.Kind.FORK_JOIN_POOL;
        FieldDescription counters = new FieldDescription.Latent(type, CounterField.NAME,
                QueueTransformer.FIELD_MODIFIERS, QueueTransformer.COUNTERS_TYPE, List.of());
        return builder
                .defineField(CounterField.NAME, BufferCounters.class, Visibility.PROTECTED, FieldManifestation.PLAIN,
                        SyntheticState.SYNTHETIC)
                .visit(Advice.to(forkJoin ? ForkJoinPoolConstructedAdvice.class : ExecutorConstructedAdvice.class)
                        .on(isConstructor()))
                .visit(Advice.withCustomMapping()
                        .bind(CounterField.Value.class, counters)
                        .to(InsertAdvice.class)
                        .on(forkJoin ? forkJoinSubmissions() : named("execute").and(takesArguments(Runnable.class))))
                .visit(Advice.withCustomMapping()
                        .bind(CounterField.Value.class, counters)
                        .to(RejectedAdvice.class)
                        .on(forkJoin ? none() : named("reject").and(takesArguments(Runnable.class))));
    }

    /**
     * The public ways in: none of them calls another, so each submission counts once. Work that
     * tasks fork inside the pool is not a submission.
     */
    private static ElementMatcher<MethodDescription> forkJoinSubmissions() {
        return isPublic().and(namedOneOf("execute", "submit", "invoke"))
                .and(takesArguments(1).or(takesArguments(2).and(takesArgument(0, Runnable.class))));
    }
}
