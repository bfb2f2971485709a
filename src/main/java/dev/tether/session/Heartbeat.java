package dev.tether.session;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Pings the peer every interval and drops the connection when a pong does not come back in time. This is
 * how a half-open connection (the peer vanished without a FIN) is found, and it keeps proxies that drop
 * quiet connections (nginx's {@code proxy_read_timeout}) from doing so. Runs on the shared timer thread.
 */
final class Heartbeat implements Runnable {

    interface Peer {
        /** Sends a heartbeat ping; false when it could not be queued (the connection is closing). */
        boolean sendPing();

        /** No pong within the timeout: the peer is gone. */
        void unresponsive(long waitedMillis);
    }

    private final Peer peer;
    private final long intervalMillis;
    private final long pongTimeoutMillis;
    /** When the unanswered ping was sent ({@link System#nanoTime()}), or 0 when none is outstanding. */
    private volatile long pingSentNanos;
    private volatile ScheduledFuture<?> ticks;

    Heartbeat(Peer peer, long intervalMillis, long pongTimeoutMillis) {
        this.peer = peer;
        this.intervalMillis = intervalMillis;
        this.pongTimeoutMillis = pongTimeoutMillis;
    }

    void start() {
        if (intervalMillis <= 0) return;
        // Itself the task: a method reference would be one more object per connection, kept while it is open.
        ticks = Timers.scheduleAtFixedRate(this, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        ScheduledFuture<?> t = ticks;
        if (t != null) t.cancel(false);
    }

    /** Any pong proves the peer is there (RFC 6455 allows unsolicited pongs too). */
    void onPong() {
        pingSentNanos = 0;
    }

    /** The timer's tick; not for other callers. */
    @Override
    public void run() {
        tick();
    }

    private void tick() {
        if (pingSentNanos != 0) return; // still waiting: the deadline task decides
        long sent = System.nanoTime();
        // Noted before the ping goes out: its pong can come back (on another thread) before sendPing returns,
        // and noting it afterwards would then wait for a pong that already came, and drop a healthy peer.
        pingSentNanos = sent;
        if (!peer.sendPing()) {
            pingSentNanos = 0;
            stop();
            return;
        }
        Timers.schedule(() -> checkAnswered(sent), pongTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void checkAnswered(long sent) {
        if (pingSentNanos == sent) {
            stop();
            peer.unresponsive(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        }
    }
}
