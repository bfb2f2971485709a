package dev.tether.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Live platform threads of the test JVM, with bounded waiting for them to settle. */
public final class ThreadCounts {

    private ThreadCounts() {
    }

    public static int now() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * Live platform threads outside the containers' own pools (named "jetty-test…" and "http-nio-…" by
     * the test harness) and the JDK's virtual-thread carriers (bounded by the number of cores): the
     * threads a per-connection leak would show up in. Pools grow and shrink as they please (Jetty
     * keeps reserved threads after a burst), so they would only add noise.
     */
    public static int outsideContainerPools() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> !n.startsWith("jetty-test") && !n.startsWith("http-nio-") && !n.startsWith("ForkJoinPool-"))
                .count();
    }

    /** Waits up to {@code millis} for {@link #outsideContainerPools()} to drop to {@code limit}; returns the last count. */
    public static int awaitOutsideContainerPoolsAtMost(int limit, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        int count = outsideContainerPools();
        while (count > limit && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            count = outsideContainerPools();
        }
        return count;
    }

    /** The count once it has stopped falling for a moment (threads just finished take a little while to go). */
    public static int settled() throws InterruptedException {
        int previous = now();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(100);
            int current = now();
            if (current >= previous) return current;
            previous = current;
        }
        return previous;
    }

    /** Waits up to {@code millis} for the count to drop to {@code limit}; returns the last count seen. */
    public static int awaitAtMost(int limit, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        int count = now();
        while (count > limit && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            count = now();
        }
        return count;
    }

    /** Live platform threads whose name starts with {@code prefix} (Tether names its threads "tether-…"). */
    public static long named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    /** Waits up to {@code millis} for the threads named {@code prefix…} to drop to {@code limit}; returns the last count. */
    public static long awaitNamedAtMost(String prefix, long limit, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        long count = named(prefix);
        while (count > limit && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            count = named(prefix);
        }
        return count;
    }

    /** Every live thread's name, for a failure message. */
    public static String dump() {
        ThreadInfo[] infos = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
        return Arrays.stream(infos).map(t -> t.getThreadName() + " " + t.getThreadState())
                .sorted().collect(Collectors.joining("\n"));
    }
}
