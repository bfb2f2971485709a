package dev.tether.session;

import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that carried no data message, either way, for the idle timeout: the peer is there
 * (it answers pings) but nobody uses the connection, as with a forgotten browser tab or a leaked client.
 *
 * <p>Activity costs the hot path no clock read and no rescheduling: it only raises a flag (a volatile
 * write, and only when the flag is down). This object, an entry in the shared {@link TimerWheel}, wakes
 * every eighth of the timeout, lowers the flag it finds raised and notes the time as the latest activity;
 * a connection is closed once no flag was seen for the whole timeout. So the close comes never early and at
 * most an eighth of the timeout late. Runs on the timer thread.
 */
final class IdleTimer extends ConnectionTimer {

    /** Looks per timeout: how late, as a fraction of the timeout, the close may come. */
    private static final int CHECKS_PER_TIMEOUT = 8;

    interface Peer {
        /** No data message for {@code idleMillis}: close the connection. */
        void idle(long idleMillis);
    }

    private final Peer peer;
    private final long timeoutNanos;
    private final long checkNanos;
    private volatile boolean active;
    /** When the timer last saw activity (or started): the timer thread's own. */
    private long quietSinceNanos;

    IdleTimer(Peer peer, long timeoutMillis) {
        this.peer = peer;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.checkNanos = Math.max(1, timeoutNanos / CHECKS_PER_TIMEOUT);
    }

    void start() {
        if (timeoutNanos <= 0) return;
        quietSinceNanos = System.nanoTime();
        scheduleIn(checkNanos);
    }

    /** A data message was received or sent. */
    void activity() {
        if (!active && timeoutNanos > 0) active = true;
    }

    @Override
    void expired() {
        if (isStopped()) return;
        long now = System.nanoTime();
        if (active) {
            active = false;
            quietSinceNanos = now;
        }
        long idle = now - quietSinceNanos;
        if (idle >= timeoutNanos) {
            expiredForGood();
            peer.idle(TimeUnit.NANOSECONDS.toMillis(idle));
        } else {
            scheduleIn(Math.min(checkNanos, timeoutNanos - idle));
        }
    }
}
