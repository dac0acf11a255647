package io.manometer.agent.bootstrap;

/**
 * Static entry points for advice. Each one runs the agent's hook and swallows anything it throws
 * (telling the agent, which says so once), and a per-thread flag stops the agent's own work from re-entering instrumented code paths.
 */
public final class Bridge {
    /** Counters handed out while the agent is not (or no longer) running; never tracked. */
    private static final BufferCounters UNTRACKED = new BufferCounters(Long.MAX_VALUE);

    private static volatile BridgeHooks hooks;
    /** Writes into in-memory text buffers, counted racily to sample one in many (see StringWriterGrowthAdvice). */
    public static int sampledWrites;
    private static final ThreadLocal<boolean[]> IN_AGENT = ThreadLocal.withInitial(() -> new boolean[1]);

    private Bridge() {}

    public static void install(BridgeHooks agentHooks) {
        hooks = agentHooks;
    }

    public static BufferCounters bufferCreated(Object buffer) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null ? null : enter();
        if (inAgent == null) {
            return UNTRACKED;
        }
        try {
            return h.bufferCreated(buffer);
        } catch (Throwable t) {
            failed(h, t);
            return UNTRACKED;
        } finally {
            inAgent[0] = false;
        }
    }

    /**
     * The counters of an object whose class was loaded before the agent and so has no counters
     * field: looked up in the agent's side table, and given on first sight. Null when the agent
     * is not running or the object is not counted.
     */
    public static BufferCounters countersOf(Object buffer) {
        BridgeHooks h = hooks;
        if (h == null) {
            return null;
        }
        try {
            BufferCounters known = h.countersKnown(buffer);
            return known != null ? known : adopt(h, buffer, false);
        } catch (Throwable t) {
            failed(h, t);
            return null;
        }
    }

    /** A constructor of a class loaded before the agent returned: the new object gets its counters. */
    public static void constructedWithoutField(Object buffer) {
        BridgeHooks h = hooks;
        if (h == null) {
            return;
        }
        try {
            if (h.countersKnown(buffer) == null) { // an outer constructor of a this(...) chain finds them
                adopt(h, buffer, true);
            }
        } catch (Throwable t) {
            failed(h, t);
        }
    }

    private static BufferCounters adopt(BridgeHooks h, Object buffer, boolean constructed) {
        boolean[] inAgent = enter();
        if (inAgent == null) {
            return null;
        }
        try {
            return h.adopt(buffer, constructed);
        } catch (Throwable t) {
            failed(h, t);
            return null;
        } finally {
            inAgent[0] = false;
        }
    }

    public static void bufferActive(Object buffer, BufferCounters counters) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null ? null : enter();
        if (inAgent == null) {
            return;
        }
        try {
            h.bufferActive(buffer, counters);
        } catch (Throwable t) {
            failed(h, t); // the application must never see one
        } finally {
            inAgent[0] = false;
        }
    }

    public static void bufferDrained(Object buffer, BufferCounters counters) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null ? null : enter();
        if (inAgent == null) {
            return;
        }
        try {
            h.bufferDrained(buffer, counters);
        } catch (Throwable t) {
            failed(h, t);
        } finally {
            inAgent[0] = false;
        }
    }

    public static void largeQueueUsed(Object queue, boolean insert) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null ? null : enter();
        if (inAgent == null) {
            return;
        }
        try {
            h.largeQueueUsed(queue, insert);
        } catch (Throwable t) {
            failed(h, t);
        } finally {
            inAgent[0] = false;
        }
    }

    public static BufferCounters executorCreated(Object executor, Object workQueue) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null ? null : enter();
        if (inAgent == null) {
            return UNTRACKED;
        }
        try {
            return h.executorCreated(executor, workQueue);
        } catch (Throwable t) {
            failed(h, t);
            return UNTRACKED;
        } finally {
            inAgent[0] = false;
        }
    }

    /**
     * A rewritten line is about to construct a queue ({@code site}); {@link #constructed} follows
     * the constructor. The queue's advice, run inside it, learns its creation site from this.
     */
    public static void constructing(int site) {
        BridgeHooks h = hooks;
        if (h != null) {
            try {
                h.constructing(site);
            } catch (Throwable t) {
                failed(h, t);
            }
        }
    }

    /**
     * The constructor that {@link #constructing} announced returned. (If it threw, the mark stays
     * until the next one replaces it; the agent names only a queue of the marked class by it.)
     */
    public static void constructed() {
        constructing(-1);
    }

    /**
     * Asynchronous work was launched at an instrumented call site: {@code handle} is what tracks it
     * (the returned future, or the thread about to start).
     */
    public static void asyncLaunched(Object handle, int site) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null || handle == null ? null : enter();
        if (inAgent == null) {
            return;
        }
        try {
            h.asyncLaunched(handle, site);
        } catch (Throwable t) {
            failed(h, t);
        } finally {
            inAgent[0] = false;
        }
    }

    /**
     * Replaces the {@code pop} after an {@code offer} whose result the caller discards. Accepted
     * items cost one branch; only a refusal, an item silently lost, reaches the agent.
     */
    public static void offerResultIgnored(boolean accepted, int site) {
        if (!accepted) {
            refusalIgnored(site);
        }
    }

    /** Replaces the {@code pop} after a channel write whose count the caller discards. */
    public static void channelWriteIgnored(Object buffer, int written, int site) {
        if (buffer instanceof java.nio.ByteBuffer && ((java.nio.ByteBuffer) buffer).hasRemaining()) {
            refusalIgnored(site);
        }
    }

    /** Entered a handler that catches RejectedExecutionException: a task was refused. */
    public static void rejectionCaught(Object exception, int site) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null ? null : enter();
        if (inAgent == null) {
            return;
        }
        try {
            h.rejectionCaught(exception, site);
        } catch (Throwable t) {
            failed(h, t);
        } finally {
            inAgent[0] = false;
        }
    }

    private static void refusalIgnored(int site) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null ? null : enter();
        if (inAgent == null) {
            return;
        }
        try {
            h.refusalIgnored(site);
        } catch (Throwable t) {
            failed(h, t);
        } finally {
            inAgent[0] = false;
        }
    }

    /** An in-memory buffer's backing array just grew past the agent's size threshold. */
    public static void memoryBufferGrew(Object buffer, long capacityBytes) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null ? null : enter();
        if (inAgent == null) {
            return;
        }
        try {
            h.memoryBufferGrew(buffer, capacityBytes);
        } catch (Throwable t) {
            failed(h, t);
        } finally {
            inAgent[0] = false;
        }
    }

    /**
     * A connection's outbound buffer ({@code transport}: an {@link OutboundCounters} constant) just
     * backed up for the first time; returns the counters it is to keep from now on, never null.
     */
    public static OutboundCounters outboundBackedUp(Object buffer, int transport) {
        BridgeHooks h = hooks;
        boolean[] inAgent = h == null ? null : enter();
        if (inAgent == null) {
            return new OutboundCounters(); // counted nowhere; asked again never
        }
        try {
            return h.outboundBackedUp(buffer, transport);
        } catch (Throwable t) {
            failed(h, t);
            return new OutboundCounters();
        } finally {
            inAgent[0] = false;
        }
    }

    /** Tells the agent that one of its hooks threw (it says so once); never throws itself. */
    private static void failed(BridgeHooks h, Throwable t) {
        try {
            h.hookFailed(t);
        } catch (Throwable ignored) {
            // Not even the notice: the agent's warning count is all that is lost.
        }
    }

    /** Marks this thread as inside the agent; null if it already is (the call must then do nothing). */
    private static boolean[] enter() {
        boolean[] inAgent = IN_AGENT.get();
        if (inAgent[0]) {
            return null;
        }
        inAgent[0] = true;
        return inAgent;
    }
}
