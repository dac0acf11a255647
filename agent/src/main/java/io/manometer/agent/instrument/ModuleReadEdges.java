package io.manometer.agent.instrument;

import java.lang.instrument.Instrumentation;

/** Lets each named module whose classes receive advice read the bridge's (unnamed) module. */
final class ModuleReadEdges {
    private final Instrumentation inst;
    private final Module bridgeModule;

    ModuleReadEdges(Instrumentation inst, Module bridgeModule) {
        this.inst = inst;
        this.bridgeModule = bridgeModule;
    }

    void ensure(Module module) {
        if (module != null) {
            BootstrapInjector.addReadEdge(inst, module, bridgeModule);
        }
    }
}
