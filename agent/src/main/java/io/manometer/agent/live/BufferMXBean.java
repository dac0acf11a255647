package io.manometer.agent.live;

/**
 * The buffers the agent describes at one line of the application, as JMX shows them, under a name
 * that is the same in every run of the same code (for dashboards and alert rules):
 * {@code io.manometer:type=Buffer,subject=<queue|executor|launch site|memory buffer|outbound buffer>,
 * class=<its class>,site="<the application's line>"}. Buffers made at one line (a queue per
 * connection) are one MBean, their figures summed: one series per line of code, not per object.
 * Counters only grow (a buffer that dies leaves its counts in them); a bounded buffer's MBean
 * also has a capacity ({@link BoundedBufferMXBean}), an unbounded one has none.
 */
public interface BufferMXBean {
    /** queue, executor, launch site, memory buffer or outbound buffer. */
    String getSubject();

    /** Its class, or what a launch site launches. */
    String getType();

    /** The application's line it is named at. */
    String getSite();

    /** How many buffers are made at this line and described now. */
    int getBuffers();

    /** Elements (tasks, bytes) waiting or in flight at the last sample: a gauge. */
    long getDepth();

    /** The highest depth each described buffer reached, summed. */
    long getPeak();

    /** Elements accepted (tasks submitted, launches) since the agent started: a counter. */
    long getInTotal();

    /** Elements removed (tasks completed) since the agent started: a counter. */
    long getOutTotal();

    /** Elements refused (tasks rejected) since the agent started: a counter. */
    long getRefusedTotal();

    /** An executor's worker threads at its last sample; -1 for other buffers. */
    int getThreads();

    /** Accepted (launched) per second over the last seconds; -1 when not counted. */
    double getInPerSecond();

    /** Removed (completed) per second over the last seconds; -1 when not counted. */
    double getOutPerSecond();

    /** The live verdict as a number: 0 ok, 1 info, 2 warning, 3 critical. */
    int getSeverity();

    /** The live verdict's score, 0 to 100 (0 when there is no finding). */
    int getScore();

    /** ok, info, warning or critical: the live verdict on it, with its kind ("critical executor-backlog"). */
    String getVerdict();
}
