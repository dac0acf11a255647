package io.manometer.agent.live;

import io.manometer.agent.AgentLog;
import io.manometer.analyzer.detect.Figure;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes the live verdict in the platform MBean server, under the domain {@code io.manometer},
 * where JConsole, VisualVM, Prometheus' JMX exporter and the OpenTelemetry collector's JMX receiver
 * already look: a summary, and one MBean per buffer among the deepest {@code max} described,
 * unregistered when a buffer dies or leaves them. Updated after each judgement.
 */
final class JmxPublisher {
    private static final String DOMAIN = "io.manometer";
    /** Rates are taken over this many of the latest samples. */
    private static final int RATE_SAMPLES = 6;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final int max;
    private final Summary summary = new Summary();
    /** By series: a series lives as long as its buffer is described, so names are built once. */
    private Map<BufferSeries, Published> published = new IdentityHashMap<>();

    private record Published(ObjectName name, Buffer bean) {}

    JmxPublisher(int max) throws Exception {
        this.max = max;
        server.registerMBean(summary, new ObjectName(DOMAIN + ":type=Summary"));
    }

    void publish(Recording recording, List<Finding> alerting, List<Finding> all) {
        try {
            update(recording, alerting, all);
        } catch (Exception e) {
            AgentLog.warn("the io.manometer MBeans could not be updated", e);
        }
    }

    private void update(Recording recording, List<Finding> alerting, List<Finding> all) throws Exception {
        Map<String, Finding> bySubject = new HashMap<>();
        for (Finding f : all) {
            bySubject.merge(f.subjectType() + "#" + f.subjectId() + "#" + f.site(), f,
                    (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<BufferSeries> deepest = new ArrayList<>(recording.series());
        deepest.sort(Comparator.comparingLong((BufferSeries s) -> s.samples.lastDepth()).reversed());
        Map<BufferSeries, Published> now = new IdentityHashMap<>();
        List<BufferSeries> added = new ArrayList<>();
        for (BufferSeries s : deepest.subList(0, Math.min(max, deepest.size()))) {
            Published kept = published.remove(s);
            if (kept != null) {
                now.put(s, kept);
            } else {
                added.add(s);
            }
        }
        // The gone first: a buffer forgotten and described again comes back under its old name.
        for (Published gone : published.values()) {
            server.unregisterMBean(gone.name());
        }
        for (BufferSeries s : added) {
            Published p = new Published(new ObjectName(DOMAIN + ":type=Buffer,subject="
                    + ObjectName.quote(s.subject.label) + ",id=" + s.id), new Buffer());
            server.registerMBean(p.bean(), p.name());
            now.put(s, p);
        }
        now.forEach((s, p) -> p.bean().update(s, bySubject.get(s.type() + "#" + s.id + "#" + s.site())));
        published = now;
        summary.update(alerting, recording);
    }

    /** The summary's figures, replaced whole after each judgement. */
    private static final class Summary implements SummaryMXBean {
        private volatile int critical;
        private volatile int warning;
        private volatile String worst = "";
        private volatile double toExhaustion = -1;
        private volatile int buffers;

        void update(List<Finding> alerting, Recording recording) {
            int c = 0;
            int w = 0;
            Finding top = null;
            double soonest = -1;
            for (Finding f : alerting) {
                c += f.severity() == Severity.CRITICAL ? 1 : 0;
                w += f.severity() == Severity.WARNING ? 1 : 0;
                top = top == null || f.score() > top.score() ? f : top;
                Double toLimit = f.figure(Figure.SECONDS_TO_HEAP_LIMIT);
                if (toLimit != null && (soonest < 0 || toLimit < soonest)) {
                    soonest = toLimit;
                }
            }
            critical = c;
            warning = w;
            worst = top == null ? "" : top.severity().name() + " " + top.kind() + " at " + top.site() + ": " + top.summary();
            toExhaustion = soonest;
            buffers = recording.series().size();
        }

        @Override
        public int getCriticalCount() {
            return critical;
        }

        @Override
        public int getWarningCount() {
            return warning;
        }

        @Override
        public String getWorstFinding() {
            return worst;
        }

        @Override
        public double getSecondsToHeapExhaustion() {
            return toExhaustion;
        }

        @Override
        public int getBuffers() {
            return buffers;
        }
    }

    /** One buffer's figures, replaced whole after each judgement. */
    private static final class Buffer implements BufferMXBean {
        private volatile String subject = "";
        private volatile String type = "";
        private volatile String site = "";
        private volatile long depth;
        private volatile long peak;
        private volatile double in = -1;
        private volatile double out = -1;
        private volatile String verdict = "ok";

        void update(BufferSeries s, Finding finding) {
            SampleSeries samples = s.samples;
            int n = samples.size();
            subject = s.subject.label;
            type = s.type();
            site = s.site();
            depth = samples.lastDepth();
            peak = samples.peakDepth();
            int from = Math.max(0, n - RATE_SAMPLES);
            double seconds = n < 2 ? 0 : (samples.time(n - 1) - samples.time(from)) / 1e9;
            in = seconds <= 0 || samples.in(n - 1) < 0 ? -1 : (samples.in(n - 1) - samples.in(from)) / seconds;
            out = seconds <= 0 || samples.out(n - 1) < 0 ? -1 : (samples.out(n - 1) - samples.out(from)) / seconds;
            verdict = finding == null ? "ok" : finding.severity().label() + " " + finding.kind();
        }

        @Override
        public String getSubject() {
            return subject;
        }

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getSite() {
            return site;
        }

        @Override
        public long getDepth() {
            return depth;
        }

        @Override
        public long getPeak() {
            return peak;
        }

        @Override
        public double getInPerSecond() {
            return in;
        }

        @Override
        public double getOutPerSecond() {
            return out;
        }

        @Override
        public String getVerdict() {
            return verdict;
        }
    }
}
