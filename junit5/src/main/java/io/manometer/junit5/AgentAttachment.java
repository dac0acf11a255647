package io.manometer.junit5;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;

/**
 * Makes sure the Manometer agent runs in this JVM before a test is recorded: started with
 * {@code -javaagent} (what the Maven plugin's prepare-agent does), or attached now from the agent
 * jar on the class path. The JDK refuses a JVM's attach to itself, so a short helper process
 * attaches it, as BlockHound and Byte Buddy's agent installer do.
 */
final class AgentAttachment {
    private static final String BRIDGE = "io.manometer.agent.bootstrap.Bridge";
    private static final String AGENT_CLASS = "io/manometer/agent/ManometerAgent.class";
    /** The agent registers its events once Byte Buddy has warmed up, on a thread of its own. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(20);

    /** How the agent came to run here. */
    enum Outcome { STARTED_WITH_JVM, ATTACHED_NOW }

    private static volatile Outcome outcome;

    private AgentAttachment() {}

    /** The agent runs, with its events registered; or a one-line reason why it cannot. */
    static synchronized Outcome ensure() {
        if (outcome != null) {
            return outcome;
        }
        Outcome how = isLoaded() ? Outcome.STARTED_WITH_JVM : attach();
        awaitEvents();
        outcome = how;
        return how;
    }

    private static boolean isLoaded() {
        try {
            Class.forName(BRIDGE, false, null); // defined in the boot loader by a running agent only
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Outcome attach() {
        Path agentJar = agentJar();
        String self = codeSource(AgentAttacher.class);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", self, AgentAttacher.class.getName(), Long.toString(ProcessHandle.current().pid()),
                agentJar.toString());
        try {
            Process helper = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(helper.getInputStream().readAllBytes()).trim();
            if (!helper.waitFor(60, TimeUnit.SECONDS) || helper.exitValue() != 0) {
                throw cannot("attaching it failed (" + (said.isEmpty() ? "no reason given" : said.lines().reduce(
                        (a, b) -> b).orElse(said)) + ")", agentJar);
            }
        } catch (java.io.IOException e) {
            throw cannot("no helper process could attach it (" + e.getMessage() + ")", agentJar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cannot("interrupted while attaching it", agentJar);
        }
        if (!isLoaded()) {
            throw cannot("it was attached but did not start (see the agent's line on stderr)", agentJar);
        }
        System.err.println("manometer: agent attached at run time; queues and executors made before it are named "
                + "where they are fed, not where they were made: for full coverage start the test JVM with -javaagent:"
                + agentJar + " (the Maven plugin's prepare-agent does)");
        return Outcome.ATTACHED_NOW;
    }

    private static void awaitEvents() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            for (EventType type : FlightRecorder.getFlightRecorder().getEventTypes()) {
                if (type.getName().equals(TestRecording.QUEUE_SAMPLE)) {
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Manometer: the agent runs but registered no events within "
                + READY_WITHIN.toSeconds() + " s (see its line on stderr); nothing can be recorded");
    }

    private static Path agentJar() {
        URL url = ClassLoader.getSystemResource(AGENT_CLASS);
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw cannot("the agent jar is not on the class path", null);
        }
        String spec = url.getPath(); // file:/.../manometer-agent.jar!/io/manometer/...
        try {
            return Path.of(new URL(spec.substring(0, spec.indexOf("!/"))).toURI());
        } catch (java.net.MalformedURLException | URISyntaxException e) {
            throw cannot("the agent jar's location is unreadable (" + url + ")", null);
        }
    }

    private static String codeSource(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException | RuntimeException e) {
            throw cannot("the extension's own location is unreadable", null);
        }
    }

    private static IllegalStateException cannot(String why, Path agentJar) {
        return new IllegalStateException("Manometer: the agent is not running in this JVM and " + why
                + "; start the test JVM with -javaagent:" + (agentJar == null ? "manometer-agent.jar" : agentJar)
                + " (the Maven plugin's prepare-agent goal adds it to argLine)");
    }
}
