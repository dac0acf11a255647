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
import io.manometer.agent.instrument.advice.SideTableConstructedAdvice;
import io.manometer.agent.instrument.advice.ThreadPerTaskAdvice;
import net.bytebuddy.asm.Advice;
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

    /**
     * An executor class loaded after the agent: it gets the counters field. A scheduled executor
     * inherits its superclass's field and constructor advice, or, when ThreadPoolExecutor was
     * loaded before the agent ({@code superclassSideTabled}), counts in the side table. Known from the
     * agent's start, not asked of the class: loading ThreadPoolExecutor from inside the transformer,
     * while its subclass is being defined, would leave it uninstrumented.
     */
    static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                                            TypeHierarchy.Kind kind, boolean superclassSideTabled) {
        if (kind == TypeHierarchy.Kind.SCHEDULED_EXECUTOR) {
            return advise(builder, kind, superclassSideTabled ? CounterAccess.sideTable() : CounterAccess.field(type));
        }
        builder = builder.defineField(CounterField.NAME, BufferCounters.class, Visibility.PROTECTED,
                FieldManifestation.PLAIN, SyntheticState.SYNTHETIC);
        Class<?> constructed = kind == TypeHierarchy.Kind.EXECUTOR ? ExecutorConstructedAdvice.class
                : GenericExecutorConstructedAdvice.class;
        return advise(builder.visit(Advice.to(constructed).on(isConstructor())), kind, CounterAccess.field(type));
    }

    /**
     * An executor class loaded before the agent (another agent's premain used it), retransformed:
     * without a field, its executors' counters live in the side table.
     */
    static DynamicType.Builder<?> transformLoaded(DynamicType.Builder<?> builder, TypeHierarchy.Kind kind) {
        if (kind == TypeHierarchy.Kind.SCHEDULED_EXECUTOR) {
            return advise(builder, kind, CounterAccess.sideTable());
        }
        return advise(builder.visit(Advice.to(SideTableConstructedAdvice.class).on(isConstructor())), kind,
                CounterAccess.sideTable());
    }

    private static DynamicType.Builder<?> advise(DynamicType.Builder<?> builder, TypeHierarchy.Kind kind,
                                                 Advice.WithCustomMapping counters) {
        if (kind == TypeHierarchy.Kind.THREAD_PER_TASK) {
            return builder
                    .visit(counters.to(ThreadPerTaskAdvice.Started.class)
                            .on(named("start").and(takesArguments(Runnable.class))))
                    .visit(counters.to(ThreadPerTaskAdvice.Completed.class)
                            .on(named("taskComplete").and(takesArguments(Thread.class))));
        }
        if (kind == TypeHierarchy.Kind.SCHEDULED_EXECUTOR) {
            // execute, submit and schedule all queue through delayedExecute, never through execute's
            // superclass code; periodic tasks re-queue elsewhere, and are no new submissions.
            return builder.visit(counters.to(InsertAdvice.class)
                    .on(named("delayedExecute").and(takesArguments(1))));
        }
        boolean forkJoin = kind == TypeHierarchy.Kind.FORK_JOIN_POOL;
        return builder
                .visit(counters.to(InsertAdvice.class)
                        .on(forkJoin ? forkJoinSubmissions() : named("execute").and(takesArguments(Runnable.class))))
                .visit(counters.to(RejectedAdvice.class)
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
