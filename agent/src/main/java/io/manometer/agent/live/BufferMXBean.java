package io.manometer.agent.live;

/**
 * One buffer (queue, executor, launch site, byte buffer) the agent describes, as JMX shows it:
 * {@code io.manometer:type=Buffer,subject=<queue|executor|launch site|memory buffer>,id=<n>}.
 */
public interface BufferMXBean {
    /** queue, executor, launch site or memory buffer. */
    String getSubject();

    /** Its class, or what a launch site launches. */
    String getType();

    /** The application's line it is named at. */
    String getSite();

    /** Elements (tasks, bytes) waiting or in flight at the last sample. */
    long getDepth();

    long getPeak();

    /** Accepted (launched) per second over the last seconds; -1 when not counted. */
    double getInPerSecond();

    /** Removed (completed) per second over the last seconds; -1 when not counted. */
    double getOutPerSecond();

    /** ok, info, warning or critical: the live verdict on it, with its kind ("critical executor-backlog"). */
    String getVerdict();
}
