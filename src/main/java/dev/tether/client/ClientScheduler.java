package dev.tether.client;

import dev.tether.session.Threads;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread shared by every client connection for its deadlines: the opening-handshake timeout,
 * the write watchdog and the close timeout. Tasks run here only close sockets, so one thread is plenty;
 * it is kept apart from the session timers because closing a TLS socket can block on a stuck peer.
 *
 * <p>The thread starts with the first deadline; an application that carries Tether in its WAR stops it
 * on undeploy ({@link #shutdown()}), so that no thread keeps the WAR's class loader alive.
 */
public final class ClientScheduler {

    private static ScheduledThreadPoolExecutor executor;

    private ClientScheduler() {
    }

    static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return executor().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the thread; pending deadlines are dropped. Call only when no client connection is left. */
    public static synchronized void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private static synchronized ScheduledThreadPoolExecutor executor() {
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1, Threads.factory("tether-client-timer"));
            // Most deadlines are cancelled (a write finished in time): drop them at once rather than let
            // thousands of dead tasks wait out their delay in the queue.
            executor.setRemoveOnCancelPolicy(true);
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        return executor;
    }
}
