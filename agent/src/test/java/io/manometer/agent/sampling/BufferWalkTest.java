package io.manometer.agent.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.agent.bootstrap.BufferCounters;
import io.manometer.agent.tracking.TrackedBuffer;
import io.manometer.agent.tracking.TrackingFixtures;
import io.manometer.agent.tracking.TrackingRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * The walk over the tracked queues: what it knows of a buffer survives the registry's copies,
 * an idle one is ranked by its last reading, and thousands are read only every other period.
 */
class BufferWalkTest {
    private final TrackingRegistry registry = new TrackingRegistry(64);

    private TrackedBuffer tracked(LinkedBlockingQueue<Integer> queue, BufferCounters counters, int n) {
        TrackedBuffer tracked = TrackingFixtures.track(registry, queue, counters);
        for (int i = 0; i < n; i++) {
            queue.offer(i);
        }
        counters.inserted += n;
        return tracked;
    }

    @Test
    void whatIsKnownOfABufferOutlivesANewcomer() {
        BufferWalk walk = new BufferWalk(registry, 10);
        TrackedBuffer first = tracked(new LinkedBlockingQueue<>(), new BufferCounters(0), 7);
        assertThat(walk.walk(System.nanoTime()).described()).singleElement()
                .satisfies(s -> assertThat(s.unchanged()).isFalse());

        // A buffer added since makes the walk take up the registry's list again: the first one is
        // still known as read, so its sample says it has not changed.
        tracked(new LinkedBlockingQueue<>(), new BufferCounters(0), 3);
        BufferWalk.Ranking second = walk.walk(System.nanoTime());
        assertThat(second.described()).hasSize(2);
        assertThat(second.described().get(0).buffer()).isSameAs(first);
        assertThat(second.described().get(0).unchanged()).isTrue();
    }

    @Test
    void onlyTheDeepestAreDescribedAndTheRestAddedUp() {
        BufferWalk walk = new BufferWalk(registry, 2);
        List<LinkedBlockingQueue<Integer>> held = new ArrayList<>();
        for (int depth : new int[] {5, 50, 1, 20}) {
            LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
            held.add(queue);
            tracked(queue, new BufferCounters(0), depth);
        }
        BufferWalk.Ranking ranking = walk.walk(System.nanoTime());
        assertThat(ranking.described()).extracting(BufferSample::depth).containsExactly(50L, 20L);
        assertThat(ranking.omitted()).isEqualTo(2);
        assertThat(ranking.omittedMax()).isEqualTo(5);
        assertThat(ranking.omittedTotal()).isEqualTo(6);
        assertThat(held).hasSize(4);
    }

    @Test
    void thousandsAreWalkedEveryOtherPeriodAndTheDescribedReadInBetween() {
        BufferWalk walk = new BufferWalk(registry, 5);
        List<LinkedBlockingQueue<Integer>> held = new ArrayList<>();
        for (int i = 0; i < BufferWalk.LOOK_AT_ALL_BELOW; i++) {
            LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
            held.add(queue);
            tracked(queue, new BufferCounters(0), 1 + i % 10);
        }
        long now = System.nanoTime();
        BufferWalk.Ranking walked = walk.walk(now);
        assertThat(walked.described()).hasSize(5);
        // The next period only reads again those described: the others are not counted as omitted anew.
        BufferWalk.Ranking between = walk.walk(now + 1_000_000L);
        assertThat(between.described()).extracting(s -> s.buffer().id)
                .containsExactlyInAnyOrderElementsOf(walked.described().stream().map(s -> s.buffer().id).toList());
        assertThat(held).hasSize(BufferWalk.LOOK_AT_ALL_BELOW);
    }
}
