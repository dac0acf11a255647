package io.manometer.agent.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.agent.bootstrap.BufferCounters;
import io.manometer.agent.tracking.TrackedBuffer;
import io.manometer.agent.tracking.TrackingFixtures;
import io.manometer.agent.tracking.TrackingRegistry;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** Unmoved buffers are ranked by their last reading, yet everything described is read afresh. */
class BufferSamplerTest {
    private final TrackingRegistry registry = new TrackingRegistry(64);
    private final BufferSampler sampler = new BufferSampler(registry, 1);

    /** Fills a queue as counted advice would: counts and elements agree. */
    private static void offer(Queue<Integer> queue, BufferCounters counters, int n) {
        for (int i = 0; i < n; i++) {
            queue.offer(i);
        }
        counters.inserted += n;
    }

    /** A tracked queue, its counters, and the tracking entry. */
    private record Fed(Queue<Integer> queue, BufferCounters counters, TrackedBuffer tracked) {}

    /** Tracks a queue as the advice would and feeds it {@code n} elements. */
    private Fed fed(Queue<Integer> queue, int n) {
        BufferCounters counters = new BufferCounters(0);
        TrackedBuffer tracked = TrackingFixtures.track(registry, queue, counters);
        offer(queue, counters, n);
        return new Fed(queue, counters, tracked);
    }

    private static long depthOf(Snapshot snapshot, TrackedBuffer buffer) {
        return snapshot.buffers().stream().filter(s -> s.buffer() == buffer).mapToLong(BufferSample::depth)
                .findFirst().orElse(-1);
    }

    @Test
    void aBufferThatMovedIsReadAndOvertakesTheDeepest() {
        Fed a = fed(new ConcurrentLinkedQueue<>(), 5);
        Fed b = fed(new ConcurrentLinkedQueue<>(), 3);

        Snapshot first = sampler.take();
        assertThat(depthOf(first, a.tracked())).isEqualTo(5);
        assertThat(first.omittedBuffers()).isEqualTo(1);
        assertThat(first.omittedMaxDepth()).isEqualTo(3);

        offer(b.queue(), b.counters(), 10);
        for (int i = 0; i < 5; i++) {
            a.queue().poll();
        }
        a.counters().removed += 5;
        Snapshot second = sampler.take();
        assertThat(second.buffers()).hasSize(1);
        assertThat(depthOf(second, b.tracked())).isEqualTo(13);
        assertThat(second.omittedMaxDepth()).isZero();
    }

    @Test
    void anUnmovedBufferThatRanksAmongTheDeepestIsReadAfreshBeforeItIsDescribed() {
        // Removals from these queues are not counted: drained, their counts do not move.
        Fed deep = fed(new LinkedBlockingQueue<>(), 10);
        Fed shallow = fed(new LinkedBlockingQueue<>(), 4);
        assertThat(depthOf(sampler.take(), deep.tracked())).isEqualTo(10);

        deep.queue().clear();
        shallow.queue().poll();
        Snapshot after = sampler.take();
        // The deep one was described, so it is read (now empty); the shallow one, unmoved by its
        // counts, ranks by its last depth (4) above it and is read before being described.
        assertThat(depthOf(after, shallow.tracked())).isEqualTo(3);
        assertThat(after.omittedMaxDepth()).isZero();
    }

    @Test
    void amongThousandsABufferThatStartsToGrowIsDescribedWithinAFewPeriods() {
        java.util.List<Queue<Integer>> queues = new java.util.ArrayList<>();
        java.util.List<BufferCounters> counters = new java.util.ArrayList<>();
        java.util.List<TrackedBuffer> tracked = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Queue<Integer> q = new ConcurrentLinkedQueue<>();
            BufferCounters c = new BufferCounters(0);
            tracked.add(TrackingFixtures.track(registry, q, c));
            offer(q, c, 1);
            queues.add(q);
            counters.add(c);
        }
        sampler.take();
        offer(queues.get(777), counters.get(777), 50);
        int periods = 0;
        Snapshot s;
        do {
            s = sampler.take();
            periods++;
        } while (depthOf(s, tracked.get(777)) < 0 && periods < 10);
        assertThat(depthOf(s, tracked.get(777))).isEqualTo(51);
        assertThat(periods).isLessThanOrEqualTo(2 * 4); // walked every other period, a slice at a time
        assertThat(s.omittedBuffers()).isEqualTo(1499);
        assertThat(s.omittedTotalDepth()).isEqualTo(1499);
    }

    @Test
    void amongThousandsABufferEmptiedWithoutCountsIsSeenAtTheNextFullLook() throws InterruptedException {
        Fed deepest = fed(new ConcurrentLinkedQueue<>(), 100); // described: read every period anyway
        java.util.List<Fed> idle = new java.util.ArrayList<>(); // held: tracking lets collected ones go
        for (int i = 0; i < 1200; i++) {
            idle.add(fed(new ConcurrentLinkedQueue<>(), 1));
        }
        Fed derived = fed(new ConcurrentLinkedQueue<>(), 30); // depth from the counts
        Fed exact = fed(new LinkedBlockingQueue<>(), 40); // depth from size(), removals not counted
        assertThat(sampler.take().omittedTotalDepth()).isEqualTo(1270);

        derived.queue().clear(); // neither is counted: only looking shows it
        exact.queue().clear();
        Thread.sleep(5_100); // the look at every buffer comes every 5 s
        Snapshot looked = sampler.take();
        assertThat(depthOf(looked, deepest.tracked())).isEqualTo(100);
        assertThat(looked.omittedBuffers()).isEqualTo(1202);
        assertThat(looked.omittedTotalDepth()).isEqualTo(1200);
        assertThat(idle).hasSize(1200);
    }

    @Test
    void atTheCapAnIdleBufferGivesUpItsSlotButOneHoldingElementsDoesNot() {
        java.util.List<Queue<Integer>> alive = new java.util.ArrayList<>(); // idle, not collected
        for (int i = 0; i < TrackingRegistry.MAX_TRACKED - 1; i++) {
            Queue<Integer> q = new ConcurrentLinkedQueue<>();
            alive.add(q);
            BufferCounters c = new BufferCounters(0);
            TrackingFixtures.track(registry, q, c);
            offer(q, c, 1);
            q.poll();
            c.removed++;
        }
        Queue<Integer> stuck = new ConcurrentLinkedQueue<>();
        BufferCounters stuckCounters = new BufferCounters(0);
        TrackedBuffer stuckTracked = TrackingFixtures.track(registry, stuck, stuckCounters);
        offer(stuck, stuckCounters, 3);
        for (int period = 0; period < 6; period++) {
            sampler.take(); // read once, then found unmoved slice by slice
        }
        BufferCounters newcomer = new BufferCounters(0);
        assertThat(TrackingFixtures.track(registry, new ConcurrentLinkedQueue<Integer>(), newcomer)).isNotNull();
        assertThat(registry.untrackedCount()).isZero();
        assertThat(registry.evictedCount()).isEqualTo(1);
        assertThat(stuckTracked.dropped()).isFalse();
        assertThat(alive).hasSize(TrackingRegistry.MAX_TRACKED - 1);
    }

    /** A queue whose size cannot be read until it is let go, as if the application held its lock. */
    private static final class HeldQueue extends LinkedBlockingQueue<Integer> {
        final java.util.concurrent.CountDownLatch letGo = new java.util.concurrent.CountDownLatch(1);

        @Override
        public int size() {
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.size();
        }
    }

    @Test
    void aLateSnapshotSkipsOnePeriodOnceAndIsCountedThenSamplingResumes() throws InterruptedException {
        HeldQueue held = new HeldQueue();
        held.offer(1);
        TrackingFixtures.track(registry, held, null); // depth read by size(): the uncounted path

        assertThat(sampler.fresh(50)).isNull();
        assertThat(sampler.fresh(50)).as("the period's other events do not wait again").isNull();
        assertThat(sampler.skippedPeriods()).isEqualTo(1);

        held.letGo.countDown();
        Thread.sleep(600); // past the period given up
        Snapshot snapshot = sampler.fresh(10_000);
        assertThat(snapshot).isNotNull();
        assertThat(snapshot.buffers()).extracting(BufferSample::depth).containsExactly(1L);
        assertThat(sampler.skippedPeriods()).isEqualTo(1);
    }
}
