package io.manometer.agent;

import io.manometer.agent.config.AgentOptions;
import io.manometer.agent.config.AgentOptions.Key;
import io.manometer.agent.instrument.BootstrapInjector;
import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point. Whatever happens here, the application starts: a bad option
 * or an internal fault costs one line on stderr, never an exception into the JVM.
 */
public final class ManometerAgent {
    /** The argument with which {@code manometer attach} asks an attached agent to leave. */
    public static final String DETACH = "detach";
    /** Set in the JVM's system properties while the agent runs: what {@code manometer attach} looks for. */
    public static final String RUNNING_PROPERTY = "manometer.agent.running";

    private static volatile boolean started;

    private ManometerAgent() {}

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst);
    }

    /**
     * Attach at run time (the Attach API, {@code manometer attach}): classes loaded before are
     * retransformed, counting through the side table. With {@value #DETACH}, the agent leaves again.
     */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        if (DETACH.equals(agentArgs)) {
            stop(inst);
        } else {
            start(agentArgs, inst);
        }
    }

    private static synchronized void stop(Instrumentation inst) {
        try {
            if (!started) {
                AgentLog.info("not running: nothing to detach");
                return;
            }
            AgentRuntime.stop(inst);
            started = false;
            System.clearProperty(RUNNING_PROPERTY);
        } catch (Throwable t) {
            AgentLog.warn("could not detach; the agent keeps running", t);
        }
    }

    private static synchronized void start(String agentArgs, Instrumentation inst) {
        try {
            AgentOptions options = AgentOptions.fromEnvironment(agentArgs);
            for (String problem : options.problems()) {
                AgentLog.warn(problem);
            }
            AgentLog.setVerbose(options.flag(Key.VERBOSE));
            if (!options.flag(Key.ENABLED)) {
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
            System.setProperty(RUNNING_PROPERTY, AgentRuntime.version());
        } catch (Throwable t) {
            AgentLog.warn("agent failed to start, application continues without it", t);
        }
    }
}
