/**
 * Rewrites the calls in application code that launch asynchronous work, throw away a
 * backpressure signal or construct a queue, so each is known at its own line with no stack walk. One concern per
 * class, chained as ASM method visitors by {@link io.manometer.agent.instrument.callsite.CallSiteRewriter}:
 * {@link io.manometer.agent.instrument.callsite.CallSiteFilter} rejects most classes from their
 * constant pool; then, per method, {@link io.manometer.agent.instrument.callsite.RejectionHandlerWatch}
 * (catches of {@code RejectedExecutionException}), {@link io.manometer.agent.instrument.callsite.DiscardedResultRewrite}
 * (an {@code offer}'s or channel write's result popped unread) and
 * {@link io.manometer.agent.instrument.callsite.LaunchHandOff} (the launched future or thread handed to the agent)
 * and {@link io.manometer.agent.instrument.callsite.ConstructionMark} (the line constructing a queue,
 * so that its creation site needs no stack walk).
 *
 * <p>Rule: only instructions are added, never a branch, so a class's stack map frames stay valid;
 * each concern sees the original instructions of those before it, not what they add.
 */
package io.manometer.agent.instrument.callsite;
