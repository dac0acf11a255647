package io.manometer.agent.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.agent.config.AgentOptions;
import io.manometer.agent.tracking.AgentHooks;
import io.manometer.agent.tracking.TrackingRegistry;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A large ArrayDeque (no counters field) is told to the agent only now and then. It is described
 * once a second thread is seen on it, even when its producer drained it first, as OkHttp's
 * dispatcher does on the caller's thread; a deque one thread fills and drains stays out.
 */
class LargeDequeSamplingTest {
    private final TrackingRegistry registry = new TrackingRegistry(64);
    private final AgentHooks hooks = new AgentHooks(registry, AgentOptions.parse(null, Map.of(), Map.of()), List.of());
    private final BufferSampler sampler = new BufferSampler(registry, 10);

    private static ArrayDeque<Integer> large() {
        ArrayDeque<Integer> deque = new ArrayDeque<>();
        for (int i = 0; i < 2000; i++) {
            deque.add(i);
        }
        return deque;
    }

    @Test
    void aDequeOneThreadFillsAndDrainsIsNotDescribed() {
        ArrayDeque<Integer> local = large();
        hooks.largeQueueUsed(local, true);
        hooks.largeQueueUsed(local, false);
        hooks.largeQueueUsed(local, false);

        assertThat(sampler.take().buffers()).isEmpty();
    }

    @Test
    void aDequeDrainedFirstByItsProducerIsDescribedOnceAnotherThreadDrainsIt() throws Exception {
        ArrayDeque<Integer> ready = large();
        hooks.largeQueueUsed(ready, true);
        hooks.largeQueueUsed(ready, false);
        assertThat(sampler.take().buffers()).isEmpty();

        Thread worker = new Thread(() -> hooks.largeQueueUsed(ready, false), "worker");
        worker.start();
        worker.join();
        // Told again by the producer, already among the consumers: nothing changes.
        hooks.largeQueueUsed(ready, false);

        assertThat(sampler.take().buffers()).singleElement().satisfies(s -> {
            assertThat(s.depth()).isEqualTo(2000);
            assertThat(s.buffer().consumerThreads()).isEqualTo(Thread.currentThread().getName() + ", worker");
        });
    }

    @Test
    void largeLinkedListsAreToldApartByIdentityNotByTheirEqualContents() throws Exception {
        // A LinkedList's equals and hashCode walk its elements: two lists holding the same are two queues.
        java.util.LinkedList<Integer> first = new java.util.LinkedList<>(large());
        java.util.LinkedList<Integer> second = new java.util.LinkedList<>(large());
        for (java.util.LinkedList<Integer> list : List.of(first, second)) {
            hooks.largeQueueUsed(list, true);
            Thread worker = new Thread(() -> hooks.largeQueueUsed(list, false), "worker");
            worker.start();
            worker.join();
        }

        assertThat(sampler.take().buffers()).hasSize(2).allSatisfy(s -> {
            assertThat(s.depth()).isEqualTo(2000);
            assertThat(s.buffer().consumerThreads()).isEqualTo("worker");
        });
    }

    /** The sampler copies the registry when a buffer was added since: counted once it is in, never before. */
    @Test
    void aBufferIsAnnouncedOnceItIsInTheRegistry() {
        // Held here: the registry holds its buffers weakly, and a collection in between would drop it.
        ArrayDeque<Integer> first = large();
        hooks.largeQueueUsed(first, true);
        long added = registry.added();
        assertThat(registry.buffersIfAddedSince(added)).isNull();
        ArrayDeque<Integer> second = large();
        hooks.largeQueueUsed(second, true);
        assertThat(registry.added()).isEqualTo(added + 1);
        assertThat(registry.buffersIfAddedSince(added)).hasSize(2);
        java.lang.ref.Reference.reachabilityFence(first);
        java.lang.ref.Reference.reachabilityFence(second);
    }
}
