package io.manometer.agent;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One part of the agent (its advice hooks, its sampler, its event writing) that failed: said once on
 * stderr, with what the agent does about it, then counted without a line, so a fault that repeats
 * every call or every period cannot flood the application's log. The count reaches the recording
 * ({@code manometer.AgentInfo}'s warnings): nothing is lost silently.
 */
public final class PartNotice {
    private final String failure;
    private final AtomicBoolean said = new AtomicBoolean();

    /** @param failure what failed and what happens now, e.g. "sampling failed; ... skipped and counted" */
    public PartNotice(String failure) {
        this.failure = failure;
    }

    /** Never throws: it is called from catch blocks, often with the heap full. */
    public void failed(Throwable cause) {
        if (said.compareAndSet(false, true)) {
            AgentLog.warn(failure, cause);
        } else {
            AgentLog.countWarning();
        }
    }

    /** As {@link #failed(Throwable)}, naming the first {@code subject} it failed on (a class, a file). */
    public void failed(String subject, Throwable cause) {
        if (said.compareAndSet(false, true)) {
            AgentLog.warn(failure + " (first: " + subject + ")", cause);
        } else {
            AgentLog.countWarning();
        }
    }

    /** Whether the failure was said already. */
    public boolean said() {
        return said.get();
    }
}
