package io.manometer.analyzer.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.reading.RecordingReadException;
import io.manometer.analyzer.report.RecordingResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.management.jfr.FlightRecorderMXBean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code manometer attach PID}: what is growing in this JVM right now, without a restart. Loads the
 * agent (unless it runs there already), records through the JVM's own flight recorder for a while,
 * reports as {@code analyze} does, and takes the agent out again.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Loads the agent into a running JVM, records it for --duration, reports as 'analyze' does, "
                + "then takes the agent out again.")
final class AttachCommand implements Callable<Integer> {
    /** The agent's property while it runs in a JVM (ManometerAgent.RUNNING_PROPERTY). */
    private static final String AGENT_RUNNING = "manometer.agent.running";
    /** Attached for one recording: no live verdict or MBeans of its own in someone else's JVM. */
    private static final String ATTACHED_OPTIONS = "record=off,jmx=false";
    private static final String DETACH = "detach";
    private static final String AGENT_JAR = "manometer-agent.jar";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "The JVM's process id ('manometer jvms' lists them).")
    long pid;

    @Option(names = "--duration", defaultValue = "30s", paramLabel = "TIME", converter = DurationConverter.class,
            description = "How long to record: 30s, 2m, or seconds (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--agent", paramLabel = "JAR",
            description = "The agent jar (default: " + AGENT_JAR + " beside this command's jar).")
    Path agentJar;

    @Option(names = "--keep", paramLabel = "FILE.jfr", description = "Keep the recording in FILE.jfr.")
    Path keep;

    @Option(names = "--fail-on", defaultValue = "warning", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above: info, warning, critical or never "
                    + "(default: ${DEFAULT-VALUE}).")
    AnalyzeCommand.Gate failOn;

    @Option(names = "--min-severity", defaultValue = "info", paramLabel = "LEVEL",
            description = "Report findings at or above: info, warning or critical (default: ${DEFAULT-VALUE}).")
    AnalyzeCommand.Level minSeverity;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @picocli.CommandLine.Mixin
    DetectorSettings detectorSettings;

    /** Accepts 30s, 2m, 1h or a number of seconds. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            long unit = v.endsWith("h") ? 3600 : v.endsWith("m") ? 60 : 1;
            String number = v.endsWith("h") || v.endsWith("m") || v.endsWith("s") ? v.substring(0, v.length() - 1) : v;
            long seconds;
            try {
                seconds = Long.parseLong(number) * unit;
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a duration (30s, 2m, 45)");
            }
            if (seconds < 1) {
                throw new picocli.CommandLine.TypeConversionException("the duration must be at least 1 s");
            }
            return Duration.ofSeconds(seconds);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path agent = agentJar != null ? agentJar : besideThisJar();
        if (agent == null || !Files.isRegularFile(agent)) {
            err.println("manometer: the agent jar was not found" + (agent == null ? "" : " at " + agent)
                    + "; give it with --agent");
            return ExitCodes.USAGE;
        }
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            err.println("manometer: cannot attach to " + pid + ": " + oneLine(e) + " (is it a JVM run by this user, "
                    + "without -XX:+DisableAttachMechanism?); nothing was recorded");
            return ExitCodes.CANNOT_ATTACH;
        }
        Path recording = keep != null ? keep.toAbsolutePath() : Files.createTempFile("manometer-attach-", ".jfr");
        boolean loadedHere = false;
        try {
            loadedHere = loadAgent(vm, agent, err);
            record(vm, recording, err);
        } catch (IOException | RuntimeException e) {
            err.println("manometer: recording " + pid + " failed: " + oneLine(e));
            return ExitCodes.CANNOT_ATTACH;
        } finally {
            if (loadedHere) {
                detach(vm, agent, err);
            }
            vm.detach();
        }
        try {
            return judge(recording, err);
        } finally {
            if (keep == null) {
                Files.deleteIfExists(recording);
            } else {
                err.println("manometer: recording kept in " + recording);
            }
        }
    }

    /** Loads the agent unless it runs there already; whether it was loaded now (and so must leave). */
    private boolean loadAgent(VirtualMachine vm, Path agent, PrintWriter err) throws IOException {
        Properties properties = vm.getSystemProperties();
        String running = properties.getProperty(AGENT_RUNNING);
        if (running != null) {
            err.println("manometer: the agent already runs in " + pid + " (version " + running
                    + ", started with -javaagent or attached before): recording with it");
            return false;
        }
        long start = System.nanoTime();
        try {
            vm.loadAgent(agent.toString(), ATTACHED_OPTIONS);
            err.printf(java.util.Locale.ROOT, "manometer: agent loaded into %d in %.1f s%n", pid,
                    (System.nanoTime() - start) / 1e9);
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            err.println("manometer: " + pid + " did not take the agent (" + oneLine(e) + "); recording without it: "
                    + "only the rules on the JDK's own events (heap, threads, blocked writes) can run");
            return false;
        }
        String version = properties.getProperty("java.specification.version", "");
        if (!version.startsWith("1") && !version.isEmpty() && Integer.parseInt(version.split("\\.")[0]) >= 21) {
            err.println("manometer: note: JDK " + version + " prints a warning about a dynamically loaded agent on "
                    + pid + "'s stderr unless it runs with -XX:+EnableDynamicAgentLoading");
        }
        return true;
    }

    /** Records through the JVM's flight recorder, over a local JMX connection, into {@code file}. */
    private void record(VirtualMachine vm, Path file, PrintWriter err) throws IOException {
        String address = vm.startLocalManagementAgent();
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            FlightRecorderMXBean recorder = JMX.newMXBeanProxy(connection,
                    objectName("jdk.management.jfr:type=FlightRecorder"), FlightRecorderMXBean.class);
            long id = recorder.newRecording();
            recorder.setPredefinedConfiguration(id, "default");
            recorder.setRecordingOptions(id, Map.of("name", "manometer-attach", "disk", "true"));
            recorder.startRecording(id);
            err.println("manometer: recording " + pid + " for " + duration.toSeconds() + " s ...");
            err.flush();
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stop early: judge what was recorded
            }
            recorder.stopRecording(id);
            long stream = recorder.openStream(id, null);
            try (OutputStream out = Files.newOutputStream(file)) {
                for (byte[] chunk = recorder.readStream(stream); chunk != null; chunk = recorder.readStream(stream)) {
                    out.write(chunk);
                }
            } finally {
                recorder.closeStream(stream);
                recorder.closeRecording(id);
            }
        }
    }

    private void detach(VirtualMachine vm, Path agent, PrintWriter err) {
        try {
            vm.loadAgent(agent.toString(), DETACH);
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            err.println("manometer: the agent could not be taken out of " + pid + " (" + oneLine(e)
                    + "); it keeps counting, recording nothing");
        }
    }

    private int judge(Path recording, PrintWriter err) {
        List<RecordingResult> results = new ArrayList<>();
        try {
            results.add(new Analyzer(detectorSettings.preferences()).analyse(recording).result());
        } catch (RecordingReadException e) {
            err.println("manometer: " + e.getMessage());
            results.add(RecordingResult.unreadable(recording.toString(), e.getMessage()));
        }
        return AnalyzeCommand.report(results, minSeverity, failOn, output, List.of());
    }

    /** {@value #AGENT_JAR} in the directory of this command's jar (the distribution's lib/, or the build's). */
    private static Path besideThisJar() {
        try {
            Path self = Path.of(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = self.getParent();
            for (Path candidate : List.of(dir.resolve(AGENT_JAR),
                    dir.resolve("../../agent/target/" + AGENT_JAR).normalize())) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            return dir.resolve(AGENT_JAR);
        } catch (Exception e) {
            return null;
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage();
        return (message == null || message.isBlank() ? e.getClass().getSimpleName() : message).replace('\n', ' ');
    }
}
