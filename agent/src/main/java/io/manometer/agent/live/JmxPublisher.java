package io.manometer.agent.live;

import io.manometer.agent.AgentLog;
import io.manometer.analyzer.detect.Figure;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.Recording;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes the live verdict in the platform MBean server, under the domain {@code io.manometer},
 * where JConsole, VisualVM, Prometheus' JMX exporter and the OpenTelemetry Java agent's JMX
 * metrics already look: a summary, and one MBean per line of the application that makes buffers
 * (its buffers' figures summed, {@link SiteBuffers}), for the {@code max} lines holding the most.
 * Names are the same in every run of the same code; an MBean leaves when its line holds no
 * described buffer or falls out of the {@code max}. Updated after each judgement.
 */
final class JmxPublisher {
    private static final String DOMAIN = "io.manometer";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final int max;
    private final Summary summary = new Summary();
    /** By line of the application: registered now. */
    private Map<SiteBuffers.Key, Published> published = new HashMap<>();
    /** What buffers gone from each line had counted: the counters never go down. */
    private final SiteBuffers.Retired retired;

    private record Published(ObjectName name, SiteBuffers bean) {}

    JmxPublisher(int max) throws Exception {
        this.max = max;
        this.retired = new SiteBuffers.Retired(Math.max(64, 4 * max));
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
        Map<SiteBuffers.Key, List<BufferSeries>> byLine = new HashMap<>();
        for (BufferSeries s : recording.series()) {
            byLine.computeIfAbsent(SiteBuffers.Key.of(s), k -> new ArrayList<>()).add(s);
        }
        retired.seeLive(byLine);
        List<SiteBuffers.Key> deepest = new ArrayList<>(byLine.keySet());
        deepest.sort(Comparator.comparingLong((SiteBuffers.Key k) -> SiteBuffers.depth(byLine.get(k))).reversed()
                .thenComparing(SiteBuffers.Key::toString));
        Map<SiteBuffers.Key, Published> now = new HashMap<>();
        for (SiteBuffers.Key key : deepest.subList(0, Math.min(max, deepest.size()))) {
            List<BufferSeries> buffers = byLine.get(key);
            boolean bounded = SiteBuffers.bounded(buffers);
            Published kept = published.remove(key);
            if (kept != null && kept.bean().bounded() != bounded) { // a new buffer changed what the line is
                server.unregisterMBean(kept.name());
                kept = null;
            }
            if (kept == null) {
                SiteBuffers bean = bounded ? new SiteBuffers.Bounded() : new SiteBuffers();
                kept = new Published(key.objectName(DOMAIN), bean);
                server.registerMBean(bean, kept.name());
            }
            kept.bean().update(key, buffers, retired.of(key), s -> bySubject.get(s.type() + "#" + s.id + "#" + s.site()));
            now.put(key, kept);
        }
        for (Published gone : published.values()) {
            server.unregisterMBean(gone.name());
        }
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
        private volatile int worstSeverity;
        private volatile long alertsTotal;
        /** What alerted at the last judgement: a finding still alerting is not counted again. */
        private java.util.Set<String> alertingBefore = java.util.Set.of();

        void update(List<Finding> alerting, Recording recording) {
            java.util.Set<String> alertingNow = new java.util.HashSet<>();
            for (Finding f : alerting) {
                if (alertingNow.add(f.identity()) && !alertingBefore.contains(f.identity())) {
                    alertsTotal++;
                }
            }
            alertingBefore = alertingNow;
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
            worstSeverity = top == null ? 0 : top.severity().ordinal();
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
        public int getWorstSeverity() {
            return worstSeverity;
        }

        @Override
        public long getAlertsTotal() {
            return alertsTotal;
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
}
