package io.manometer.agent.tracking;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The first few threads seen launching at one site, held weakly: the sampler looks at what they
 * wait on between launches (a permit, room in a queue, the work they launched), which is the
 * evidence that something limits the work in flight.
 */
final class LaunchingThreads {
    private static final int MAX = 4;
    private final List<WeakReference<Thread>> threads = new ArrayList<>(MAX);

    synchronized void add(Thread thread) {
        for (java.util.Iterator<WeakReference<Thread>> i = threads.iterator(); i.hasNext(); ) {
            Thread known = i.next().get();
            if (known == thread) {
                return;
            }
            if (known == null) {
                i.remove(); // no lambda: this runs on application threads
            }
        }
        if (threads.size() < MAX) {
            threads.add(new WeakReference<>(thread));
        }
    }

    /** Those still alive. */
    synchronized List<Thread> alive() {
        List<Thread> alive = new ArrayList<>(threads.size());
        for (WeakReference<Thread> ref : threads) {
            Thread thread = ref.get();
            if (thread != null && thread.isAlive()) {
                alive.add(thread);
            }
        }
        return alive;
    }
}
