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
import io.manometer.agent.instrument.advice.GenericExecutorConstructedAdvice;
import io.manometer.agent.instrument.advice.InsertAdvice;
import io.manometer.agent.instrument.advice.RejectedAdvice;
import io.manometer.agent.instrument.advice.ThreadPerTaskAdvice;
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
 * Registers every {@code ThreadPoolExecutor}, {@code ForkJoinPool} and (JDK 21+) thread-per-task
 * executor at construction and counts submissions in a field, as queues count inserts, so the
 * thread that feeds it can be named. The pools keep their own backlog and completions, which the
 * sampler reads once per period; a thread-per-task executor has neither, so its starts and
 * completions are counted.
 */
final class ExecutorTransformer {
    private ExecutorTransformer() {}

    static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                                            TypeHierarchy.Kind kind) {
        boolean forkJoin = kind == TypeHierarchy.Kind.FORK_JOIN_POOL;
        FieldDescription counters = new FieldDescription.Latent(type, CounterField.NAME,
                QueueTransformer.FIELD_MODIFIERS, QueueTransformer.COUNTERS_TYPE, List.of());
        builder = builder.defineField(CounterField.NAME, BufferCounters.class, Visibility.PROTECTED,
                FieldManifestation.PLAIN, SyntheticState.SYNTHETIC);
        if (kind == TypeHierarchy.Kind.THREAD_PER_TASK) {
            return builder
                    .visit(Advice.to(GenericExecutorConstructedAdvice.class).on(isConstructor()))
                    .visit(Advice.withCustomMapping().bind(CounterField.Value.class, counters)
                            .to(ThreadPerTaskAdvice.Started.class)
                            .on(named("start").and(takesArguments(Runnable.class))))
                    .visit(Advice.withCustomMapping().bind(CounterField.Value.class, counters)
                            .to(ThreadPerTaskAdvice.Completed.class)
                            .on(named("taskComplete").and(takesArguments(Thread.class))));
        }
        return builder
                .visit(Advice.to(forkJoin ? GenericExecutorConstructedAdvice.class : ExecutorConstructedAdvice.class)
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
