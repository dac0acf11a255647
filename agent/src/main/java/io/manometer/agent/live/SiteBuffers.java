package io.manometer.agent.live;

import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.SampleSeries;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The buffers described at one line of the application, as one MBean: their figures summed,
 * replaced whole after each judgement. A line's buffers are one series for a dashboard however
 * many objects it makes (a queue per connection), so what an exporter publishes grows with the
 * code, not with the load.
 */
class SiteBuffers implements BufferMXBean {
    /** Rates are taken over this many of the latest samples. */
    private static final int RATE_SAMPLES = 6;

    /** What names a line's MBean: the same in every run of the same code. */
    record Key(String subject, String type, String site) {
        static Key of(BufferSeries s) {
            return new Key(s.subject.label, s.type().isEmpty() ? "unknown" : s.type(),
                    s.site().isEmpty() ? "unknown" : s.site());
        }

        ObjectName objectName(String domain) throws MalformedObjectNameException {
            return new ObjectName(domain + ":type=Buffer,subject=" + value(subject) + ",class=" + value(type)
                    + ",site=" + value(site));
        }

        /** As it is, unless JMX needs it quoted (a site's line number has a colon). */
        private static String value(String text) {
            return text.chars().anyMatch(c -> ",=:\"*?\n".indexOf(c) >= 0) ? ObjectName.quote(text) : text;
        }
    }

    /** A line's buffers with a bound: only their MBean has a capacity. */
    static final class Bounded extends SiteBuffers implements BoundedBufferMXBean {
        private volatile long capacity;

        @Override
        void update(Key key, List<BufferSeries> buffers, long[] gone, Function<BufferSeries, Finding> findings) {
            super.update(key, buffers, gone, findings);
            long sum = 0;
            for (BufferSeries s : buffers) {
                sum += s.capacity();
            }
            capacity = sum;
        }

        @Override
        boolean bounded() {
            return true;
        }

        @Override
        public long getCapacity() {
            return capacity;
        }
    }

    /**
     * What the buffers that left each line had counted (in, out, refused), so that a line's
     * counters never go down when one of its buffers dies. Bounded: the least recently seen lines
     * are forgotten first.
     */
    static final class Retired {
        private final int maxLines;
        private final Map<Key, long[]> totals = new LinkedHashMap<>(16, 0.75f, true);
        /** Each live buffer's last counts, by line and id: what it leaves behind when it goes. */
        private Map<Key, Map<Long, long[]>> lastSeen = new HashMap<>();

        Retired(int maxLines) {
            this.maxLines = maxLines;
        }

        /** Takes in the buffers described now; those no longer among them leave their counts. */
        void seeLive(Map<Key, List<BufferSeries>> byLine) {
            Map<Key, Map<Long, long[]>> now = new HashMap<>();
            byLine.forEach((key, buffers) -> {
                Map<Long, long[]> counts = new HashMap<>();
                for (BufferSeries s : buffers) {
                    counts.put(s.id, counts(s));
                }
                now.put(key, counts);
            });
            lastSeen.forEach((key, before) -> before.forEach((id, counts) -> {
                Map<Long, long[]> stillThere = now.get(key);
                if (stillThere == null || !stillThere.containsKey(id)) {
                    long[] total = totals.computeIfAbsent(key, k -> new long[3]);
                    for (int i = 0; i < 3; i++) {
                        total[i] += counts[i];
                    }
                }
            }));
            while (totals.size() > maxLines) {
                totals.remove(totals.keySet().iterator().next());
            }
            lastSeen = now;
        }

        long[] of(Key key) {
            long[] total = totals.get(key); // an access: the line stays among the remembered
            return total == null ? new long[3] : total;
        }

        private static long[] counts(BufferSeries s) {
            return new long[] {Math.max(0, s.samples.lastIn()), Math.max(0, s.samples.lastOut()), s.refused()};
        }
    }

    private volatile String subject = "";
    private volatile String type = "";
    private volatile String site = "";
    private volatile int buffers;
    private volatile long depth;
    private volatile long peak;
    private volatile long inTotal;
    private volatile long outTotal;
    private volatile long refusedTotal;
    private volatile int threads = -1;
    private volatile double in = -1;
    private volatile double out = -1;
    private volatile int severity;
    private volatile int score;
    private volatile String verdict = "ok";

    boolean bounded() {
        return false;
    }

    static boolean bounded(List<BufferSeries> buffers) {
        return buffers.stream().allMatch(BufferSeries::isBounded);
    }

    static long depth(List<BufferSeries> buffers) {
        long sum = 0;
        for (BufferSeries s : buffers) {
            sum += s.samples.lastDepth();
        }
        return sum;
    }

    /** {@code gone}: in, out and refused counted by the line's buffers that have left. */
    void update(Key key, List<BufferSeries> lineBuffers, long[] gone, Function<BufferSeries, Finding> findings) {
        long depthSum = 0;
        long peakSum = 0;
        long inSum = gone[0];
        long outSum = gone[1];
        long refusedSum = gone[2];
        int threadSum = -1;
        double inRate = -1;
        double outRate = -1;
        Finding worst = null;
        for (BufferSeries s : lineBuffers) {
            SampleSeries samples = s.samples;
            depthSum += samples.lastDepth();
            peakSum += samples.peakDepth();
            inSum += Math.max(0, samples.lastIn());
            outSum += Math.max(0, samples.lastOut());
            refusedSum += s.refused();
            if (s.poolSize() >= 0) {
                threadSum = Math.max(0, threadSum) + s.poolSize();
            }
            int n = samples.size();
            int from = Math.max(0, n - RATE_SAMPLES);
            double seconds = n < 2 ? 0 : (samples.time(n - 1) - samples.time(from)) / 1e9;
            if (seconds > 0 && samples.in(n - 1) >= 0) {
                inRate = Math.max(0, inRate) + (samples.in(n - 1) - samples.in(from)) / seconds;
            }
            if (seconds > 0 && samples.out(n - 1) >= 0) {
                outRate = Math.max(0, outRate) + (samples.out(n - 1) - samples.out(from)) / seconds;
            }
            Finding f = findings.apply(s);
            worst = f == null || (worst != null && worst.score() >= f.score()) ? worst : f;
        }
        subject = key.subject();
        type = key.type();
        site = key.site();
        buffers = lineBuffers.size();
        depth = depthSum;
        peak = peakSum;
        inTotal = Math.max(inTotal, inSum); // a counter: never down, even when a buffer's last count is late
        outTotal = Math.max(outTotal, outSum);
        refusedTotal = Math.max(refusedTotal, refusedSum);
        threads = threadSum;
        in = inRate;
        out = outRate;
        severity = worst == null ? 0 : worst.severity().ordinal();
        score = worst == null ? 0 : worst.score();
        verdict = worst == null ? "ok" : worst.severity().label() + " " + worst.kind();
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
    public int getBuffers() {
        return buffers;
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
    public long getInTotal() {
        return inTotal;
    }

    @Override
    public long getOutTotal() {
        return outTotal;
    }

    @Override
    public long getRefusedTotal() {
        return refusedTotal;
    }

    @Override
    public int getThreads() {
        return threads;
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
    public int getSeverity() {
        return severity;
    }

    @Override
    public int getScore() {
        return score;
    }

    @Override
    public String getVerdict() {
        return verdict;
    }
}
