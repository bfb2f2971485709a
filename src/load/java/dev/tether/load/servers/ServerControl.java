package dev.tether.load.servers;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The benchmark driver's line protocol with a server JVM, on the server's stdin and stdout: the server
 * prints {@code READY <port>} once it listens, then answers commands one line each:
 * <ul>
 *   <li>{@code heap}: {@code HEAP <bytes in use after the last GC> <bytes in use now> <GC count>}</li>
 *   <li>{@code gc}: a full GC first (System.gc()), then the same answer</li>
 *   <li>{@code quit} or end of input: the JVM exits</li>
 * </ul>
 * The heap after GC is read in-process through the GC notifications of JMX, so sampling it costs the
 * server nothing between GCs.
 */
public final class ServerControl {

    private static final AtomicLong HEAP_AFTER_LAST_GC = new AtomicLong(-1);
    private static final AtomicLong GC_COUNT = new AtomicLong();

    private ServerControl() {
    }

    /** Announces the port, then serves commands on this thread until told to quit; then exits the JVM. */
    public static void serve(int port, Runnable stop) {
        watchGcs();
        System.out.println("READY " + port);
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                line = line.trim();
                if (line.equals("quit")) break;
                if (line.equals("gc")) {
                    long target = GC_COUNT.get() + 2;
                    System.gc();
                    System.gc();
                    awaitGcReports(target);
                }
                if (line.equals("gc") || line.equals("heap")) {
                    System.out.println("HEAP " + heapAfterLastGc() + " " + heapUsedNow() + " " + GC_COUNT.get());
                } else {
                    System.out.println("ERROR unknown command " + line);
                }
                System.out.flush();
            }
        } catch (IOException e) {
            // the driver is gone: stop as for quit
        }
        try {
            stop.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
        System.exit(0);
    }

    /**
     * GC notifications reach their listener asynchronously (on the JVM's service thread), after
     * {@code System.gc()} has returned: answering at once would report the heap after some earlier GC (one
     * during the burst of connects, say), which made the heap figure wander by a third from run to run.
     */
    private static void awaitGcReports(long count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (GC_COUNT.get() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The port from {@code args[0]}, 0 when absent (a free port). */
    public static int port(String[] args) {
        return args.length > 0 ? Integer.parseInt(args[0]) : 0;
    }

    private static long heapAfterLastGc() {
        long v = HEAP_AFTER_LAST_GC.get();
        return v >= 0 ? v : heapUsedNow();
    }

    private static long heapUsedNow() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) used += pool.getUsage().getUsed();
        }
        return used;
    }

    private static void watchGcs() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter)) continue;
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                // G1's concurrent cycle (JDK 20+) reports its remark and cleanup pauses too: they free
                // nothing of the young gen, so only young (minor) and full (major) collections count.
                String action = info.getGcAction();
                if (action.equals("end of minor GC") || action.equals("end of major GC")) {
                    long used = 0;
                    for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) used += usage.getUsed();
                    long nonHeap = nonHeapUsed(info);
                    HEAP_AFTER_LAST_GC.set(used - nonHeap);
                    GC_COUNT.incrementAndGet();
                }
            }, null, null);
        }
    }

    /** The memory-usage map after GC names every pool, heap or not: subtract the non-heap ones. */
    private static long nonHeapUsed(GarbageCollectionNotificationInfo info) {
        long nonHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.NON_HEAP) continue;
            MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (usage != null) nonHeap += usage.getUsed();
        }
        return nonHeap;
    }
}
