package io.manometer.agent.it;

import java.util.concurrent.LinkedBlockingQueue;

/** A JVM that fills a queue and exits at once, well within the first sampling period. */
public final class ShortLivedWorkload {
    public static void main(String[] args) {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>(); int line = QueueWorkload.line();
        for (int i = 0; i < 200; i++) {
            queue.offer(i);
        }
        System.out.println("lines " + line);
    }
}
