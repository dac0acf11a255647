package io.manometer.agent;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.config.AgentOptions;
import io.manometer.agent.config.AgentOptions.Key;
import io.manometer.agent.config.LaunchedMainClass;
import io.manometer.agent.events.EventEmitter;
import io.manometer.agent.instrument.Instrumenter;
import io.manometer.agent.instrument.integration.LibraryIntegrations;
import io.manometer.agent.live.LiveJudge;
import io.manometer.agent.tracking.AgentHooks;
import io.manometer.agent.tracking.ApplicationCode;
import io.manometer.agent.tracking.StackCapture;
import io.manometer.agent.sampling.BufferSampler;
import io.manometer.agent.sampling.LockFreeSizes;
import io.manometer.agent.tracking.TrackingRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.Properties;

/** Wires the agent together once the bridge exists in the boot loader. */
final class AgentRuntime {
    private AgentRuntime() {}

    static void start(Instrumentation inst, Module bridgeModule, AgentOptions options) {
        ApplicationCode application = ApplicationCode.of(options.packages(Key.APP_PACKAGES), LaunchedMainClass.find());
        StackCapture.recognise(application);
        TrackingRegistry registry = new TrackingRegistry(options.count(Key.TRACK_AFTER));
        Bridge.install(new AgentHooks(registry, options, LibraryIntegrations.transports()));
        LockFreeSizes.open(inst);
        String version = version();
        // Registering the events waits for the instrumentation's warm-up, and the live verdict, whose
        // recording starts JFR, for the application's start-up to settle: on two cores each slowed
        // what it overlapped (the application's first queue class waits for the warm-up). A JVM
        // that never records pays for JFR only once a recording asks.
        Runnable afterWarmUp = new Runnable() { // not a lambda: no invokedynamic bootstrap in premain
            @Override
            public void run() {
                if (registerEvents(registry, options, version) && options.judgesLive()) {
                    Thread live = new Thread(new Runnable() {
                        @Override
                        public void run() {
                            LiveJudge.startOnceSettled(options, Instrumenter::classesDefined);
                        }
                    }, "manometer-live"); // then reads the agent's own recording
                    live.setDaemon(true);
                    live.start();
                }
            }
        };
        Instrumenter.install(inst, bridgeModule, options, registry.sites, afterWarmUp);
        AgentLog.info("agent " + version + " started with " + options.describe());
        if (options.flag(Key.VERBOSE)) {
            AgentLog.info("sites name the application's code: " + application.describe());
        }
    }

    /**
     * Leaves an attached JVM as it was, as far as a JVM allows: the bridge does nothing from now
     * on, the agent's transformers go and the classes loaded before it are retransformed back to
     * their own code, and its periodic events and sampler stop. Classes loaded while it ran keep
     * their counters field (a loaded class cannot lose a field): an increment per operation.
     */
    static void stop(Instrumentation inst) {
        Bridge.install(null);
        Instrumenter.uninstall(inst);
        EventEmitter.unregister();
        AgentLog.info("detached: instrumentation removed, sampling stopped");
    }

    /** Whether the agent's events are registered, to be written once a recording runs. */
    private static boolean registerEvents(TrackingRegistry registry, AgentOptions options, String version) {
        try {
            EventEmitter.registerWhenRecorderStarts(new BufferSampler(registry, options.count(Key.MAX_BUFFERS)),
                    registry, options, version);
            return true;
        } catch (LinkageError e) {
            // A runtime image without the jdk.jfr module: still safe, but nothing can be recorded.
            AgentLog.warn("JDK Flight Recorder is not available in this JVM; no manometer events will be recorded");
        } catch (Throwable t) {
            AgentLog.warn("could not register the manometer events with JFR; nothing will be recorded", t);
        }
        return false;
    }

    static String version() {
        try (InputStream in = AgentRuntime.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
