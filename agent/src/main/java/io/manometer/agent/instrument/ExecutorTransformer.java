package io.manometer.agent.instrument;

import io.manometer.agent.instrument.advice.ExecutorConstructedAdvice;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * Registers every {@code ThreadPoolExecutor} at construction. Nothing runs per task: the executor
 * already counts its tasks, and the sampler reads those counts once per period.
 */
final class ExecutorTransformer implements AgentBuilder.Transformer {
    private final ModuleReadEdges readEdges;

    ExecutorTransformer(ModuleReadEdges readEdges) {
        this.readEdges = readEdges;
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                                            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        readEdges.ensure(module);
        return builder.visit(Advice.to(ExecutorConstructedAdvice.class).on(ElementMatchers.isConstructor()));
    }
}
