package io.manometer.analyzer.reading;

/**
 * Time threads spent blocked writing into one kind of stage from one line: a socket or file write,
 * a full pipe, a full bounded queue. Read from the JDK's own events (jdk.SocketWrite, jdk.FileWrite,
 * jdk.JavaMonitorWait, jdk.ThreadPark), which record waits over a threshold (20 ms by default)
 * with their stacks: backpressure at work, and where.
 */
public final class BlockedStage {
    /** What a writer waited on. */
    public enum Kind {
        SOCKET_WRITE("socket write"), FILE_WRITE("file write"), PIPE("piped stream"), BOUNDED_QUEUE("full bounded queue");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    final Kind kind;
    final String site;
    String stack = "";
    String thread = "";
    long waits;
    long totalNanos;
    long maxNanos;

    BlockedStage(Kind kind, String site) {
        this.kind = kind;
        this.site = site;
    }

    /** Adds the waits a later chunk of the recording saw at the same stage. */
    void absorb(BlockedStage later) {
        waits += later.waits;
        totalNanos += later.totalNanos;
        maxNanos = Math.max(maxNanos, later.maxNanos);
    }

    public Kind kind() {
        return kind;
    }

    /** First frame outside the JDK of the blocked write; empty when the stack was not recorded. */
    public String site() {
        return site;
    }

    public String stack() {
        return stack;
    }

    public String thread() {
        return thread;
    }

    public long waits() {
        return waits;
    }

    public double totalSeconds() {
        return totalNanos / 1e9;
    }

    public double longestSeconds() {
        return maxNanos / 1e9;
    }
}
