package dev.tether.examples;

import dev.tether.session.ConnectionStats;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * One reading of the JVM and of Tether's traffic counters, for the status demo.
 *
 * @param timestamp when, in milliseconds since the epoch
 * @param monotonicNanos when, by {@link System#nanoTime()}: rates are measured with it, not with the wall clock
 * @param heapMaxBytes -1 when the heap has no defined limit
 * @param gcCount collections so far, summed over all collectors
 * @param gcTimeMillis time spent collecting so far, summed over all collectors
 * @param messagesReceived messages received by every WebSocket of the JVM since it started
 * @param messagesSent messages sent by every WebSocket of the JVM since it started
 */
record StatusSample(long timestamp, long monotonicNanos, long uptimeMillis, long heapUsedBytes,
                    long heapCommittedBytes, long heapMaxBytes, int threadCount, long gcCount, long gcTimeMillis,
                    long openWebSockets, long messagesReceived, long messagesSent) {

    static StatusSample now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long gcCount = 0;
        long gcTime = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            // -1 means "not available" for this collector: count it as nothing rather than subtract.
            gcCount += Math.max(0, collector.getCollectionCount());
            gcTime += Math.max(0, collector.getCollectionTime());
        }
        return new StatusSample(System.currentTimeMillis(), System.nanoTime(),
                ManagementFactory.getRuntimeMXBean().getUptime(), heap.getUsed(), heap.getCommitted(), heap.getMax(),
                ManagementFactory.getThreadMXBean().getThreadCount(), gcCount, gcTime,
                ConnectionStats.openConnections(), ConnectionStats.messagesReceived(), ConnectionStats.messagesSent());
    }
}
