package dev.tether.session;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that carried no data message, either way, for the idle timeout: the peer is there
 * (it answers pings) but nobody uses the connection, as with a forgotten browser tab or a leaked client.
 *
 * <p>Activity is only recorded (one volatile write), never rescheduled on the hot path: a single timer
 * per connection wakes when the timeout would be due, and sleeps again for what remains when there was
 * activity meanwhile. Runs on the shared timer thread.
 */
final class IdleTimer implements Runnable {

    interface Peer {
        /** No data message for {@code idleMillis}: close the connection. */
        void idle(long idleMillis);
    }

    private final Peer peer;
    private final long timeoutNanos;
    private volatile long lastActivityNanos;
    private volatile ScheduledFuture<?> check;
    private volatile boolean stopped;

    IdleTimer(Peer peer, long timeoutMillis) {
        this.peer = peer;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    void start() {
        if (timeoutNanos <= 0) return;
        lastActivityNanos = System.nanoTime();
        schedule(timeoutNanos);
    }

    /** A data message was received or sent. */
    void activity() {
        if (timeoutNanos > 0) lastActivityNanos = System.nanoTime();
    }

    void stop() {
        stopped = true;
        ScheduledFuture<?> c = check;
        if (c != null) c.cancel(false);
    }

    private void schedule(long delayNanos) {
        if (stopped) return;
        // Itself the task: a method reference would be one more object per connection, kept while it is open.
        check = Timers.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
        if (stopped) check.cancel(false); // stop() ran between the test and the assignment
    }

    /** The timer's check; not for other callers. */
    @Override
    public void run() {
        check();
    }

    private void check() {
        if (stopped) return;
        long idle = System.nanoTime() - lastActivityNanos;
        if (idle >= timeoutNanos) {
            stopped = true;
            peer.idle(TimeUnit.NANOSECONDS.toMillis(idle));
        } else {
            schedule(timeoutNanos - idle);
        }
    }
}
