package dev.tether.session;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that runs every connection's deadlines (closing handshake; heartbeats and idle timeouts
 * through its {@link TimerWheel}). Timers are
 * tiny tasks that only flip state or abort a transport, so one thread serves all connections.
 *
 * <p>The thread starts with the first timer. When Tether lives inside a WAR, the application stops it
 * on undeploy ({@link #shutdown()}), so that no thread keeps the WAR's class loader alive; a later timer
 * would start a new one.
 */
public final class Timers {

    private static ScheduledThreadPoolExecutor executor;
    /** The connections' long-lived deadlines (heartbeats, idle timeouts), ticking on the same thread. */
    private static final TimerWheel WHEEL = new TimerWheel(Timers::executor);

    private Timers() {
    }

    public static ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return executor().schedule(task, delay, unit);
    }

    public static ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return executor().scheduleAtFixedRate(task, initialDelay, period, unit);
    }

    /** The wheel for deadlines that live as long as a connection (see {@link TimerWheel}). */
    static TimerWheel wheel() {
        return WHEEL;
    }

    /** Stops the timer thread; pending timers are dropped. Call only when no connection is left. */
    public static void shutdown() {
        // The wheel is cleared after the executor is gone, so that it starts ticking on a new one when next
        // used; and not under this class's lock, which the wheel takes (for the executor) under its own.
        shutdownExecutor();
        WHEEL.clear();
    }

    private static synchronized void shutdownExecutor() {
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
