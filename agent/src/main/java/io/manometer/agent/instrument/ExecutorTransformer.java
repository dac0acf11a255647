package io.manometer.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.manometer.agent.bootstrap.BufferCounters;
import io.manometer.agent.instrument.advice.CounterField;
import io.manometer.agent.instrument.advice.ExecutorConstructedAdvice;
import io.manometer.agent.instrument.advice.InsertAdvice;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.SyntheticState;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * Registers every {@code ThreadPoolExecutor} at construction and counts its submissions in a field,
 * as queues count inserts, so the thread that feeds it can be named. Backlog and completions are
 * not counted per task: the executor keeps them, and the sampler reads them once per period.
 */
final class ExecutorTransformer {
    private ExecutorTransformer() {}

    static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type) {
        return builder
                .defineField(CounterField.NAME, BufferCounters.class, Visibility.PROTECTED, FieldManifestation.PLAIN,
                        SyntheticState.SYNTHETIC)
                .visit(Advice.to(ExecutorConstructedAdvice.class).on(isConstructor()))
                .visit(Advice.withCustomMapping()
                        .bind(CounterField.Value.class, new net.bytebuddy.description.field.FieldDescription.Latent(
                                type, CounterField.NAME, QueueTransformer.FIELD_MODIFIERS,
                                QueueTransformer.COUNTERS_TYPE, java.util.List.of()))
                        .to(InsertAdvice.class)
                        .on(named("execute").and(takesArguments(Runnable.class))));
    }
}
