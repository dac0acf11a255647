package io.manometer.analyzer.reading;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weights by the application line they were sampled at, with one stack per line: where a type is
 * allocated (JFR's allocation samples, weighted by bytes), where threads are started. Bounded: past
 * {@value #MAX_SITES} lines, further weight is counted in the total only.
 */
public final class SiteTally {
    static final int MAX_SITES = 64;

    /** One line's share: its weight and the first stack sampled there. */
    public record Site(String site, String stack, long weight) {}

    private final Map<String, long[]> weights = new LinkedHashMap<>();
    private final Map<String, String> stacks = new LinkedHashMap<>();
    private long total;
    private long samples;

    public void add(String site, java.util.function.Supplier<String> stack, long weight) {
        total += weight;
        samples++;
        if (site.isEmpty()) {
            return;
        }
        long[] w = weights.get(site);
        if (w == null) {
            if (weights.size() >= MAX_SITES) {
                return;
            }
            w = new long[1];
            weights.put(site, w);
            stacks.put(site, stack.get()); // formatted once a line, not once a sample
        }
        w[0] += weight;
    }

    void absorb(SiteTally later) {
        total += later.total;
        samples += later.samples;
        later.weights.forEach((site, w) -> {
            long[] mine = weights.get(site);
            if (mine != null) {
                mine[0] += w[0];
            } else if (weights.size() < MAX_SITES) {
                weights.put(site, w.clone());
                stacks.put(site, later.stacks.get(site));
            }
        });
    }

    /** The line with the most weight, or null when no sample named one. */
    public Site heaviest() {
        return weights.entrySet().stream().max(Comparator.comparingLong(e -> e.getValue()[0]))
                .map(e -> new Site(e.getKey(), stacks.get(e.getKey()), e.getValue()[0])).orElse(null);
    }

    /** All the weight sampled, at a line or not. */
    public long total() {
        return total;
    }

    public long samples() {
        return samples;
    }
}
