package io.manometer.agent.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Of the buffers not read this period, the deepest few by their last reading (a bounded min-heap)
 * and what the others add up to: one pass over thousands, no sort, no list of them all. Its own
 * heap rather than a PriorityQueue: the agent's own queues would be counted like the application's.
 */
final class DeepestUnread {
    private final SampledBuffer[] heap;
    private int size;
    private int passed;
    private long passedMax;
    private long passedTotal;

    DeepestUnread(int keep) {
        heap = new SampledBuffer[Math.max(1, keep)];
    }

    void offer(SampledBuffer t) {
        if (size < heap.length) {
            heap[size] = t;
            siftUp(size++);
        } else if (t.sampledDepth > heap[0].sampledDepth) {
            pass(heap[0]);
            heap[0] = t;
            siftDown(0);
        } else {
            pass(t);
        }
    }

    /**
     * Those kept, deepest first, but for any described since (read again anyway) or gone: a ranking
     * may be used again for the period after the one that made it.
     */
    List<SampledBuffer> deepestFirst() {
        List<SampledBuffer> kept = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (!heap[i].described && !heap[i].tracked.dropped()) {
                kept.add(heap[i]);
            }
        }
        kept.sort(Comparator.comparingLong((SampledBuffer t) -> t.sampledDepth).reversed());
        return kept;
    }

    int passedCount() {
        return passed;
    }

    long passedMaxDepth() {
        return passedMax;
    }

    long passedTotalDepth() {
        return passedTotal;
    }

    private void pass(SampledBuffer t) {
        passed++;
        passedMax = Math.max(passedMax, t.sampledDepth);
        passedTotal += t.sampledDepth;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heap[parent].sampledDepth <= heap[i].sampledDepth) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int smallest = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
                if (heap[child].sampledDepth < heap[smallest].sampledDepth) {
                    smallest = child;
                }
            }
            if (smallest == i) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        SampledBuffer t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
