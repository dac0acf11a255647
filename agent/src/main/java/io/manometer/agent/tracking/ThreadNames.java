package io.manometer.agent.tracking;

import java.util.Arrays;

/** The first few distinct thread names seen on one side of a buffer; bounded, so memory is too. */
final class ThreadNames {
    private static final int MAX = 4;
    private final String[] names = new String[MAX];
    private int count;
    private boolean more;
    /** The names joined, kept until they change: written into every sample of the buffer. */
    private String text = "";

    synchronized void add(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return;
            }
        }
        if (count < MAX) {
            names[count++] = name;
        } else if (more) {
            return;
        } else {
            more = true;
        }
        String list = String.join(", ", Arrays.copyOf(names, count));
        text = more ? list + ", ..." : list;
    }

    synchronized int size() {
        return more ? MAX + 1 : count;
    }

    /** Whether some thread here is not in {@code other}. */
    synchronized boolean anyNotIn(ThreadNames other) {
        for (int i = 0; i < count; i++) {
            if (!other.contains(names[i])) {
                return true;
            }
        }
        return more;
    }

    synchronized boolean contains(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized String toString() {
        return text;
    }
}
