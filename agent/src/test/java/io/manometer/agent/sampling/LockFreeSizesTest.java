package io.manometer.agent.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** Runs with java.util.concurrent opened, as the agent opens it to itself at start (see the pom). */
class LockFreeSizesTest {

    @Test
    void sizesAndBoundsAreTheQueuesOwn() {
        List<BlockingQueue<Integer>> queues = List.of(new ArrayBlockingQueue<>(64), new LinkedBlockingDeque<>(32),
                new LinkedBlockingDeque<>(), new PriorityBlockingQueue<>(), new LinkedBlockingQueue<>(16));
        for (BlockingQueue<Integer> q : queues) {
            for (int i = 0; i < 10; i++) {
                q.offer(i);
            }
            q.poll();
            assertThat(LockFreeSizes.size(q)).as(q.getClass().getSimpleName()).isEqualTo(9);
        }
        assertThat(LockFreeSizes.bound(queues.get(0))).isEqualTo(64);
        assertThat(LockFreeSizes.bound(queues.get(1))).isEqualTo(32);
        assertThat(LockFreeSizes.bound(queues.get(2))).as("unbounded deque").isEqualTo(-1);
        assertThat(LockFreeSizes.bound(queues.get(3))).as("a priority queue grows").isEqualTo(-1);
        assertThat(LockFreeSizes.bound(queues.get(4))).as("its methods take no lock: asked")
                .isEqualTo(LockFreeSizes.UNKNOWN);
    }

    /** The sampler must not wait for, nor contend with, the application on the queue's lock. */
    @Test
    void aSizeIsReadWhileTheApplicationHoldsTheQueuesLock() throws Exception {
        ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(8);
        queue.offer(1);
        queue.offer(2);
        Field lockField = ArrayBlockingQueue.class.getDeclaredField("lock");
        lockField.setAccessible(true);
        ReentrantLock lock = (ReentrantLock) lockField.get(queue);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            lock.lock();
            try {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        });
        holder.start();
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(LockFreeSizes.size(queue)).isEqualTo(2);
            assertThat(LockFreeSizes.bound(queue)).isEqualTo(8);
            assertThat(lock.hasQueuedThreads()).as("nobody waited for the lock").isFalse();
        } finally {
            release.countDown();
            holder.join();
        }
    }
}
