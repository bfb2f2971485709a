package dev.tether.client;

import dev.tether.session.Threads;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread shared by every client connection for its deadlines: the opening-handshake timeout,
 * the write watchdog and the close timeout. Tasks run here only close sockets, so one thread is plenty.
 */
final class ClientScheduler {

    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private ClientScheduler() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, Threads.factory("tether-client-timer"));
        // Most deadlines are cancelled (a write finished in time): drop them at once rather than let
        // thousands of dead tasks wait out their delay in the queue.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return EXECUTOR.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
}
