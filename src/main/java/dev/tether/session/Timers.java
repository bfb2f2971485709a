package dev.tether.session;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that runs every connection's deadlines (closing handshake, heartbeats). Timers are
 * tiny tasks that only flip state or abort a transport, so one thread serves all connections.
 */
public final class Timers {

    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private Timers() {
    }

    public static ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return EXECUTOR.schedule(task, delay, unit);
    }

    public static ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return EXECUTOR.scheduleAtFixedRate(task, initialDelay, period, unit);
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, Threads.factory("tether-timer"));
        // Cancelled deadlines (the common case: the peer answered in time) must not pile up in the queue.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
