package io.manometer.agent.it;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A million short-lived queues, each used enough to be tracked, as a service creating one per
 * request would. Prints the heap left after a full collection and how many of a sample of the
 * queues are still alive (none may be: the agent must not keep them).
 */
public final class ManyQueuesWorkload {
    public static void main(String[] args) throws Exception {
        int queues = Integer.parseInt(args[0]);
        List<WeakReference<Object>> sample = new ArrayList<>();
        long checksum = 0;
        for (int i = 0; i < queues; i++) {
            LinkedBlockingQueue<Integer> q = new LinkedBlockingQueue<>();
            for (int j = 0; j < 100; j++) {
                q.offer(j);
            }
            while (!q.isEmpty()) {
                checksum += q.poll();
            }
            if (i % 10_000 == 0) {
                sample.add(new WeakReference<>(q));
            }
        }
        long alive = 0;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        for (WeakReference<Object> ref : sample) {
            alive += ref.get() == null ? 0 : 1;
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("heapUsedAfterGc=" + (rt.totalMemory() - rt.freeMemory()) + " alive=" + alive + " of "
                + sample.size() + " checksum=" + checksum);
    }
}
