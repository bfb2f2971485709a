package dev.tether.session;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that runs every connection's deadlines (closing handshake, heartbeats). Timers are
 * tiny tasks that only flip state or abort a transport, so one thread serves all connections.
 *
 * <p>The thread starts with the first timer. When Tether lives inside a WAR, the application stops it
 * on undeploy ({@link #shutdown()}), so that no thread keeps the WAR's class loader alive; a later timer
 * would start a new one.
 */
public final class Timers {

    private static ScheduledThreadPoolExecutor executor;

    private Timers() {
    }

    public static ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return executor().schedule(task, delay, unit);
    }

    public static ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return executor().scheduleAtFixedRate(task, initialDelay, period, unit);
    }

    /** Stops the timer thread; pending timers are dropped. Call only when no connection is left. */
    public static synchronized void shutdown() {
        DeferredFlushes.timersStopping();
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private static synchronized ScheduledThreadPoolExecutor executor() {
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1, Threads.factory("tether-timer"));
            // Cancelled deadlines (the common case: the peer answered in time) must not pile up in the queue.
            executor.setRemoveOnCancelPolicy(true);
        }
        return executor;
    }
}
