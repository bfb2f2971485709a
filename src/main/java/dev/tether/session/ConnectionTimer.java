package dev.tether.session;

/**
 * A connection's timer in the shared wheel ({@link Timers#wheel()}), stopped for good from any thread when
 * the connection ends. A stop may race the timer thread rescheduling the timer; {@link #scheduleIn} takes
 * it out again if so, so a stopped timer never expires.
 */
abstract class ConnectionTimer extends TimerWheel.Entry {

    private volatile boolean stopped;

    /** Stops the timer for good. */
    void stop() {
        stopped = true;
        Timers.wheel().cancel(this);
    }

    final boolean isStopped() {
        return stopped;
    }

    /** From {@link #expired()}: this was the last expiry (the timer is not in the wheel then). */
    final void expiredForGood() {
        stopped = true;
    }

    /** Expires {@code delayNanos} from now, unless stopped. */
    final void scheduleIn(long delayNanos) {
        if (stopped) return;
        Timers.wheel().schedule(this, delayNanos);
        if (stopped) Timers.wheel().cancel(this); // stop() ran between the test and the scheduling
    }
}
