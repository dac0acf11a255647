package io.manometer.agent.live;

import io.manometer.agent.AgentLog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.function.IntConsumer;
import javax.management.openmbean.CompositeData;
import javax.management.NotificationEmitter;

/**
 * Calls back as soon as a collection leaves a heap pool above {@code percent} of its maximum. The
 * JVM checks the threshold itself at the end of each collection, so the callback comes before the
 * next allocation fails: a heap that fills in under a second is caught, where the live verdict,
 * which sees the collector's events only at the recording's next flush, would be too late.
 */
final class HeapThresholdWatch {
    private HeapThresholdWatch() {
    }

    /**
     * Arms the pools that support it (the old generation of every collector) and hands the pool's
     * percentage kept after the collection to {@code onCrossed}; false if no pool supports it.
     */
    static boolean arm(int percent, IntConsumer onCrossed) {
        boolean armed = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0) {
                pool.setCollectionUsageThreshold(Math.max(1, max / 100 * percent));
                armed = true;
            }
        }
        if (armed) {
            ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener((n, handback) -> {
                if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType())) {
                    try {
                        MemoryNotificationInfo info = MemoryNotificationInfo.from((CompositeData) n.getUserData());
                        long max = info.getUsage().getMax();
                        onCrossed.accept(max > 0 ? (int) (info.getUsage().getUsed() * 100 / max) : percent);
                    } catch (Throwable t) {
                        AgentLog.warn("the heap threshold's dump failed", t);
                    }
                }
            }, null, null);
        }
        return armed;
    }
}
