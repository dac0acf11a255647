package io.manometer.agent.live;

import io.manometer.agent.AgentLog;
import io.manometer.agent.InjectedFault;
import io.manometer.agent.config.AgentOptions;
import io.manometer.agent.config.AgentOptions.Key;
import io.manometer.agent.events.AlertEvent;
import io.manometer.agent.events.EventEmitter;
import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.DetectorResult;
import io.manometer.analyzer.detect.Figure;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Preferences;
import io.manometer.analyzer.reading.AgentEvents;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.JdkEvents;
import io.manometer.analyzer.reading.Recording;
import io.manometer.schema.EventSchema;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordingStream;

/**
 * Keeps the agent's own recording and judges it once a second, with the analyzer's reader and
 * detectors, as it is written (the agent's events as they are handed over, the JDK's from the
 * stream); says what changed (alert lines, {@code manometer.Alert} events) and dumps the
 * recordings before the heap runs out.
 */
public final class LiveJudge {
    /** Below the flush interval (1 s), so that no flush is skipped for jitter. */
    private static final long JUDGE_EVERY_NANOS = 500_000_000L;
    /** A finding gone this long is cleared: growth that pauses for a sample does not flap. */
    private static final long CLEAR_AFTER_NANOS = 5_000_000_000L;
    /**
     * A buffer not described this long is forgotten (dead, or out of the deepest few described each
     * period): a growing one stays among them, and a churn of short-lived ones costs no memory.
     */
    private static final long FORGET_AFTER_NANOS = 10_000_000_000L;
    private static final long MAX_RECORDING_BYTES = 64L << 20;
    private static final Duration SAMPLE_PERIOD = Duration.ofMillis(500);
    private static final long LAST_WORD_MILLIS = 2000;

    private final AgentOptions options;
    private final Recording recording = Recording.live("live");
    private final Analysis analysis = new Analysis(DetectorRegistry.all(), Preferences.defaults());
    private final AlertStates states = new AlertStates(CLEAR_AFTER_NANOS);
    private final AlertOutput output;
    private final EvidenceDump dumps;
    private JmxPublisher jmx;
    private RecordingStream stream;
    private final ChunkRotation chunks = new ChunkRotation();
    private long ownId = -1;
    private long lastJudged;
    private boolean failed;

    private LiveJudge(AgentOptions options) {
        this.options = options;
        this.output = AlertOutput.to(options.text(Key.ALERT_LOG));
        this.dumps = new EvidenceDump(options.text(Key.DUMP_DIR), options.count(Key.DUMP_MAX));
    }

    /**
     * Judges live on the calling thread, which must be a daemon, until the JVM exits, once the
     * application's start-up has settled (see {@link StartupSettled}); unless {@code record=off}.
     * A failure costs one line, never the application.
     */
    public static void startOnceSettled(AgentOptions options, IntSupplier classesDefined) {
        if (!options.judgesLive()) {
            return;
        }
        try {
            StartupSettled.await(classesDefined);
            LiveJudge judge = new LiveJudge(options);
            judge.dumps.removeUnfilteredLeftovers();
            synchronized (STARTING) {
                if (!watchingForExit()) {
                    return; // the JVM is already on its way out (a short program): nothing to judge
                }
                judge.prepare();
            }
            judge.stream.start(); // on this (daemon) thread, until the JVM exits
        } catch (Throwable t) {
            if (!shuttingDown()) { // else the exit began during the set-up: nothing lost, nothing to say
                AgentLog.warn("live verdicts are off: the agent's own recording could not start", t);
            }
        }
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread("manometer-exit-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    /**
     * Held while the recording is set up. JFR started once the JVM has begun to exit (a program
     * that ends before the agent's warm-up does) prints errors on stdout; the exit waits for a set-up
     * under way, and a set-up after the exit began does not happen.
     */
    private static final Object STARTING = new Object();
    private static boolean exiting;

    /** Whether the JVM is not exiting, and from now on will say so before it does. */
    private static boolean watchingForExit() {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                @Override
                public void run() {
                    synchronized (STARTING) {
                        exiting = true;
                    }
                }
            }, "manometer-exit-watch"));
            return !exiting;
        } catch (IllegalStateException shutdownInProgress) {
            return false;
        }
    }

    private void prepare() {
        FlightRecorder recorder = FlightRecorder.getFlightRecorder(); // registers the agent's events first
        Set<Long> before = new HashSet<>();
        recorder.getRecordings().forEach(r -> before.add(r.getId()));
        stream = new RecordingStream();
        recorder.getRecordings().stream().filter(r -> !before.contains(r.getId())).findFirst()
                .ifPresent(r -> ownId = r.getId());
        // Twice a second: the evidence's six samples and four seconds come from the first sample on,
        // and this recording starts only once the agent is warm, later than one started with the JVM.
        for (String event : EventNames.SAMPLED) {
            stream.enable(event).withPeriod(SAMPLE_PERIOD);
        }
        // Events "of every chunk" are emitted only when asked for by name and period.
        stream.enable(EventSchema.AgentInfo.NAME).with("period", "everyChunk");
        stream.enable(EventNames.GC_HEAP_CONFIGURATION).with("period", "everyChunk");
        // Not jdk.JVMInformation (every JVM argument): the JVM's start, which warm-ups count from, is in AgentInfo.
        stream.enable(EventSchema.Alert.NAME);
        stream.enable(EventNames.GC_HEAP_SUMMARY);
        stream.enable(EventNames.THREAD_STATISTICS).withPeriod(Duration.ofSeconds(1));
        stream.setMaxAge(Duration.ofMinutes(options.count(Key.RECORD_MINUTES)));
        stream.setMaxSize(MAX_RECORDING_BYTES);
        stream.setOrdered(true); // unordered, a live stream can hand over events before their strings
        // The agent's own events are read as they are written, not parsed back from the stream
        // (parsing them cost a compiler busy for minutes and the stream's garbage): the stream
        // reads only the JDK's events. Both ways into the recording go through its lock.
        JdkEvents.handlers(recording).forEach((name, handler) -> stream.onEvent(name, e -> {
            synchronized (recording) {
                handler.accept(e);
            }
        }));
        WrittenEvent written = new WrittenEvent();
        EventEmitter.alsoHandTo(event -> {
            synchronized (recording) {
                AgentEvents.read(recording, written.of(event), written);
            }
        });
        if (options.flag(Key.JMX)) {
            try {
                jmx = new JmxPublisher(options.count(Key.MAX_BUFFERS));
            } catch (Throwable t) {
                AgentLog.warn("the io.manometer MBeans could not be registered; alerts go on", t);
            }
        }
        if (!HeapThresholdWatch.arm(options.count(Key.DUMP_HEAP_PERCENT),
                percent -> dumpForFullHeap(percent, System.nanoTime()))) {
            AgentLog.info("no heap pool reports its use after a collection; the heap is watched once a second");
        }
        stream.onFlush(this::judgeIfDue);
        stream.onClose(this::judgeLastTime);
        // At exit JFR closes the stream after handing over what is left, and the last judgement runs
        // (judgeLastTime): the JVM waits for it a little, as it waits for JFR's own hook meanwhile.
        // The stream starts on this (daemon) thread: startAsync's thread is not a daemon and would
        // keep the JVM alive after the application's main returns.
        Thread self = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                self.join(LAST_WORD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "manometer-live-last-word"));
    }

    /** On the stream's thread, after each flush: at most once a second. */
    private void judgeIfDue() {
        long now = System.nanoTime();
        if (failed || now - lastJudged < JUDGE_EVERY_NANOS) {
            return;
        }
        lastJudged = now;
        try {
            List<Runnable> said;
            InjectedFault.LIVE_JUDGE.fireIfOn();
            synchronized (recording) {
                said = judge(now);
            }
            // Dumps, alert lines and events after the lock is let go: a dump takes JFR's recorder
            // lock, and JFR holds that lock while its chunk-end hooks hand the judge events under
            // this one (a deadlock at exit, seen on JDK 25 with a full heap).
            for (Runnable r : said) {
                r.run();
            }
            if (chunks.due() && notExiting()) {
                chunks.rotate();
            }
        } catch (Throwable t) {
            failed = true; // one line, then quiet: a judge that fails every second would flood the log
            AgentLog.warn("live verdicts stopped; the recording goes on", t);
        }
    }

    /**
     * When the recording closes (the JVM exits): a last judgement of everything recorded, so the
     * last alert says what the analyzer will say of the same recording.
     */
    private void judgeLastTime() {
        lastJudged = 0;
        judgeIfDue();
    }

    /**
     * Not once the JVM has begun to exit: JFR's own exit hook deletes the chunks a dump would copy
     * (and prints errors on the application's stdout), and a process that exits was not killed.
     */
    private static boolean notExiting() {
        return !shuttingDown();
    }

    /** Judges under the recording's lock; returns what is to be said (and dumped) once it is let go. */
    private List<Runnable> judge(long now) {
        recording.forgetSeriesQuietFor(FORGET_AFTER_NANOS);
        List<Finding> findings = new ArrayList<>();
        for (DetectorResult result : analysis.run(recording)) {
            findings.addAll(result.findings());
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        List<Runnable> said = new ArrayList<>();
        for (AlertStates.Transition t : states.update(findings, now)) {
            said.add(() -> {
                String dump = t.change() == AlertStates.Change.CRITICAL && runsOutSoon(t.finding()) && notExiting()
                        ? dumps.dumpFor(t.finding().identity(), stream, ownId) : null;
                output.write(t, dump == null ? null : dump + EvidenceDump.caveat(), uptime, now);
                emit(t, dump);
            });
        }
        if (jmx != null) {
            jmx.publish(recording, states.current(), findings);
        }
        long max = recording.heapMaxBytes();
        if (max > 0 && recording.heapAfterGc().size() > 0
                && recording.heapAfterGc().lastDepth() * 100 >= max * options.count(Key.DUMP_HEAP_PERCENT)) {
            int percent = (int) (recording.heapAfterGc().lastDepth() * 100 / max);
            said.add(() -> dumpForFullHeap(percent, now));
        }
        return said;
    }

    /** From the judge, or straight from the collector's threshold (another thread): once either way. */
    private void dumpForFullHeap(int percent, long now) {
        String dump = notExiting() ? dumps.dumpFor("heap", stream, ownId) : null;
        if (dump != null) {
            output.note(String.format(Locale.ROOT, "heap kept after a collection is at %d%% of its maximum; "
                    + "recording dumped to %s%s", percent, dump, EvidenceDump.caveat()), now);
        }
    }

    private boolean runsOutSoon(Finding f) {
        Double toLimit = f.figure(Figure.SECONDS_TO_HEAP_LIMIT);
        return toLimit != null && toLimit <= options.count(Key.DUMP_BEFORE);
    }

    private static void emit(AlertStates.Transition t, String dump) {
        Finding f = t.finding();
        AlertEvent event = new AlertEvent();
        event.state = t.change().name().toLowerCase(Locale.ROOT);
        event.severity = f.severity().label();
        event.kind = f.kind();
        event.site = f.site();
        event.summary = f.summary();
        event.fix = AlertOutput.fewWords(f.solution());
        event.growthPerSecond = f.figures().getOr(Figure.GROWTH_PER_SECOND, 0.0);
        event.peak = f.figures().getOr(Figure.PEAK_DEPTH, 0L);
        Double toLimit = f.figure(Figure.SECONDS_TO_HEAP_LIMIT);
        event.secondsToHeapLimit = toLimit == null ? -1 : Math.round(toLimit);
        event.dumpFile = dump == null ? "" : dump;
        event.commit();
    }
}
