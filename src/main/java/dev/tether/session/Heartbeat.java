package dev.tether.session;

import java.util.concurrent.TimeUnit;

/**
 * Pings the peer every interval and drops the connection when a pong does not come back in time. This is
 * how a half-open connection (the peer vanished without a FIN) is found, and it keeps proxies that drop
 * quiet connections (nginx's {@code proxy_read_timeout}) from doing so.
 *
 * <p>One entry in the shared {@link TimerWheel}, which is this object itself: it wakes at the next ping
 * (every interval, on a fixed grid from the start; a ping still unanswered at a grid point means no new
 * one) and at the pong deadline of the ping it sent, whichever comes first. Runs on the timer thread.
 */
final class Heartbeat extends ConnectionTimer {

    interface Peer {
        /** Sends a heartbeat ping; false when it could not be queued (the connection is closing). */
        boolean sendPing();

        /** No pong within the timeout: the peer is gone. */
        void unresponsive(long waitedMillis);
    }

    private final Peer peer;
    private final long intervalNanos;
    private final long pongTimeoutNanos;
    /** When the unanswered ping was sent ({@link System#nanoTime()}), or 0 when none is outstanding. */
    private volatile long pingSentNanos;
    /** Timer thread only (and start): when the next ping is due, on the grid of intervals from the start. */
    private long nextPingNanos;

    Heartbeat(Peer peer, long intervalMillis, long pongTimeoutMillis) {
        this.peer = peer;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.pongTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(pongTimeoutMillis);
    }

    void start() {
        if (intervalNanos <= 0) return;
        nextPingNanos = System.nanoTime() + intervalNanos;
        scheduleIn(intervalNanos);
    }

    /** Any pong proves the peer is there (RFC 6455 allows unsolicited pongs too). */
    void onPong() {
        pingSentNanos = 0;
    }

    @Override
    void expired() {
        if (isStopped()) return;
        long now = System.nanoTime();
        long sent = pingSentNanos;
        if (sent != 0 && now - sent >= pongTimeoutNanos) {
            expiredForGood();
            peer.unresponsive(TimeUnit.NANOSECONDS.toMillis(now - sent));
            return;
        }
        if (now - nextPingNanos >= 0) {
            // Grid points passed meanwhile are skipped, as a fixed-rate timer skips ticks while a ping is out.
            long behind = (now - nextPingNanos) / intervalNanos;
            nextPingNanos += (behind + 1) * intervalNanos;
            if (sent == 0 && !ping(now)) return;
        }
        long wake = nextPingNanos;
        long outstanding = pingSentNanos;
        if (outstanding != 0 && outstanding + pongTimeoutNanos - wake < 0) wake = outstanding + pongTimeoutNanos;
        scheduleIn(wake - now);
    }

    /** Sends a ping; false when the connection is closing (the heartbeat then stops). */
    private boolean ping(long now) {
        // Noted before the ping goes out: its pong can come back (on another thread) before sendPing returns,
        // and noting it afterwards would then wait for a pong that already came, and drop a healthy peer.
        pingSentNanos = now;
        if (!peer.sendPing()) {
            pingSentNanos = 0;
            stop();
            return false;
        }
        return true;
    }
}
