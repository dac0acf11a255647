package io.manometer.agent.sampling;

import io.manometer.agent.InjectedFault;
import io.manometer.agent.tracking.IgnoredResultSite;
import io.manometer.agent.tracking.OutboundGroups;
import io.manometer.agent.tracking.TrackedExecutor;
import io.manometer.agent.tracking.TrackedMemoryBuffer;
import io.manometer.agent.tracking.TrackingRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * One snapshot per period of everything tracked, taken on the sampler's own thread
 * ({@link SamplerThread}): the deepest queues ({@link BufferWalk}), the executors
 * ({@link ExecutorReading}), the launch sites ({@link LaunchReading}), the large in-memory buffers
 * and the network connections that backed up, each list at most {@code maxBuffers} long.
 */
public final class BufferSampler {
    private final TrackingRegistry registry;
    private final int maxBuffers;
    private final BufferWalk walk;
    private final SamplerThread thread = new SamplerThread(this::take);

    public BufferSampler(TrackingRegistry registry, int maxBuffers) {
        this.registry = registry;
        this.maxBuffers = maxBuffers;
        this.walk = new BufferWalk(registry, maxBuffers);
    }

    /** A snapshot at most 200 ms old, waiting up to {@code maxWaitMillis} for it; null if none came. */
    public Snapshot fresh(long maxWaitMillis) throws InterruptedException {
        return thread.fresh(maxWaitMillis);
    }

    /** Periods whose events were not written because sampling was late. */
    public long skippedPeriods() {
        return thread.skippedPeriods();
    }

    /** Ends the sampler thread (a detach); a later request would start it again. */
    public void stop() {
        thread.stop();
    }

    /** Takes a snapshot on the calling thread (the sampler's, or a test's: one at a time). */
    public Snapshot take() {
        InjectedFault.AGENT_OOM.fireIfOn();
        registry.purgeCollected();
        long now = System.nanoTime();
        BufferWalk.Ranking ranking = walk.walk(now);
        List<ExecutorSample> executors = new ArrayList<>();
        for (TrackedExecutor tracked : registry.executors()) {
            ExecutorService executor = tracked.executor.get();
            // Shut down, an executor takes no more work and may have discarded its queue
            // (shutdownNow): it is no longer a buffer between a producer and a consumer.
            if (executor != null && !executor.isShutdown()) {
                executors.add(ExecutorReading.read(tracked, executor, now));
            }
        }
        executors.sort(Comparator.comparingLong(ExecutorSample::queueDepth).reversed());
        int omitted = ranking.omitted();
        long omittedMax = ranking.omittedMax();
        long omittedTotal = ranking.omittedTotal();
        for (ExecutorSample s : executors.subList(Math.min(maxBuffers, executors.size()), executors.size())) {
            omitted++;
            omittedMax = Math.max(omittedMax, s.queueDepth());
            omittedTotal += s.queueDepth();
        }
        List<LaunchSample> launches = LaunchReading.read(registry.sites.activeLaunches());
        List<IgnoredResultSite> ignored = registry.sites.activeIgnoredResults();
        return new Snapshot(System.nanoTime(), ranking.described(), atMost(executors), omitted, omittedMax,
                omittedTotal, atMost(launches), atMost(ignored), memoryBuffers(), outbound());
    }

    private <T> List<T> atMost(List<T> all) {
        return new ArrayList<>(all.subList(0, Math.min(maxBuffers, all.size())));
    }

    /** Live large in-memory buffers, largest first, at most maxBuffers. */
    private List<MemoryBufferSample> memoryBuffers() {
        List<MemoryBufferSample> samples = new ArrayList<>();
        for (TrackedMemoryBuffer tracked : registry.memoryBuffers()) {
            long size = tracked.sizeBytes();
            if (size >= 0) {
                samples.add(new MemoryBufferSample(tracked, size, tracked.capacityBytes()));
            }
        }
        samples.sort(Comparator.comparingLong(MemoryBufferSample::sizeBytes).reversed());
        return samples.subList(0, Math.min(maxBuffers, samples.size()));
    }

    /** Connection groups that backed up, most bytes pending first, at most maxBuffers. */
    private List<OutboundGroups.Reading> outbound() {
        List<OutboundGroups.Reading> readings = registry.outbound.read();
        readings.sort(Comparator.comparingLong((OutboundGroups.Reading r) -> r.counts().pending()).reversed());
        return readings.subList(0, Math.min(maxBuffers, readings.size()));
    }
}
