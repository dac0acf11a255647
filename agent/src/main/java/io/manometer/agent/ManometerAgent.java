package io.manometer.agent;

import io.manometer.agent.config.AgentOptions;
import io.manometer.agent.instrument.BootstrapInjector;
import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point. Whatever happens here, the application starts: a bad option
 * or an internal fault costs one line on stderr, never an exception into the JVM.
 */
public final class ManometerAgent {
    private static volatile boolean started;

    private ManometerAgent() {}

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst);
    }

    /** Attach at run time (jcmd / Attach API): only classes loaded from now on are instrumented. */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst);
    }

    private static synchronized void start(String agentArgs, Instrumentation inst) {
        try {
            AgentOptions options = AgentOptions.fromEnvironment(agentArgs);
            for (String problem : options.problems) {
                AgentLog.warn(problem);
            }
            AgentLog.setVerbose(options.verbose);
            if (!options.enabled) {
                AgentLog.info("disabled by option enabled=false");
                return;
            }
            if (started) {
                AgentLog.warn("agent already running; second start ignored");
                return;
            }
            Module bridge = BootstrapInjector.inject(inst);
            // Loaded only now: it links against the bridge classes just defined.
            AgentRuntime.start(inst, bridge, options);
            started = true;
        } catch (Throwable t) {
            AgentLog.warn("agent failed to start, application continues without it", t);
        }
    }
}
