package io.manometer.benchmarks.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Keeps many queues busy for a while under the agent, to make a recording dense with the events
 * the analyzer reads: {@code java -javaagent:... -XX:StartFlightRecording... ManyBuffersWorkload SECONDS QUEUES}.
 */
public final class ManyBuffersWorkload {
    private ManyBuffersWorkload() {}

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        List<LinkedBlockingQueue<Integer>> queues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long round = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < count; i++) {
                LinkedBlockingQueue<Integer> q = queues.get(i);
                for (int j = 0; j < 100; j++) {
                    q.offer(j);
                }
                for (int j = 0; j < 100 - (i % 3); j++) { // some grow, some do not
                    q.poll();
                }
            }
            round++;
            Thread.sleep(5);
        }
        System.out.println("rounds " + round);
    }
}
