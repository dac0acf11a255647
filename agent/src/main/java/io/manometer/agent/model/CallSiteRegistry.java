package io.manometer.agent.model;

/**
 * Where instrumentation registers the call sites it rewrites, while a class loads; tracking
 * implements it and later finds each site by the id compiled into the rewritten code. An id is
 * -1 when no more sites can be registered: the call is then left as it was.
 */
public interface CallSiteRegistry {
    /** A call that launches asynchronous work, at {@code frame}. */
    int registerLaunch(LaunchKind kind, String frame);

    /** A call whose refusal signal (a false, a short count, a rejection) the caller discards. */
    int registerIgnoredResult(String call, String frame);

    /**
     * A construction of a queue of class {@code type} (binary name) in class {@code className}, at
     * {@code frame}: the buffer's creation site when no stack is captured for it.
     */
    int registerConstruction(String type, String className, String frame);

    /** Renames what an ignored-result site calls, once more of its code has been read. */
    void rename(int id, String call);
}
