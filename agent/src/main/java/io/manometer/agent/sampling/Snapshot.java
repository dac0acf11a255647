package io.manometer.agent.sampling;

import io.manometer.agent.tracking.IgnoredResultSite;
import io.manometer.agent.tracking.OutboundGroups;
import java.util.List;

/**
 * What one period saw. Only the deepest {@code maxBuffers} queues and executors are described;
 * the rest are counted, so the recording says what it left out.
 */
public record Snapshot(long takenAtNanos, List<BufferSample> buffers, List<ExecutorSample> executors,
                       int omittedBuffers, long omittedMaxDepth, long omittedTotalDepth,
                       List<LaunchSample> launches, List<IgnoredResultSite> ignoredResults,
                       List<MemoryBufferSample> memoryBuffers, List<OutboundGroups.Reading> outbound) {}
