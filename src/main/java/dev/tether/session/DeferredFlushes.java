package dev.tether.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The safety net under deferred flushes: a handler that sends while more input waits for it leaves its
 * frames unflushed, expecting to flush them with its next replies when it next waits for input. If it
 * does not come back (it blocks on something else, or takes long over the next message), this writes
 * them about a millisecond later, from the timer thread. One timer runs while any connection has frames
 * waiting, whatever the number of connections, and none runs otherwise.
 */
final class DeferredFlushes {

    static final long SWEEP_DELAY_MICROS = 1000;
    /** The delay in force; tests that count writes lengthen it so that no sweep runs in their midst. */
    private static volatile long sweepDelayMicros = SWEEP_DELAY_MICROS;

    /**
     * The sessions waiting, as a stack linked through {@link WebSocketSession#nextDeferred}: a deferral is a
     * compare-and-set, with no queue node allocated per burst of replies.
     */
    private static final AtomicReference<WebSocketSession> WAITING = new AtomicReference<>();
    private static final AtomicBoolean SWEEP_SCHEDULED = new AtomicBoolean();

    private DeferredFlushes() {
    }

    /** Registers a session with frames left unflushed; the caller registers each session once at a time. */
    static void add(WebSocketSession session) {
        WebSocketSession top;
        do {
            top = WAITING.get();
            session.nextDeferred = top;
        } while (!WAITING.compareAndSet(top, session));
        if (SWEEP_SCHEDULED.compareAndSet(false, true)) scheduleSweep();
    }

    private static void scheduleSweep() {
        Timers.schedule(DeferredFlushes::sweep, sweepDelayMicros, TimeUnit.MICROSECONDS);
    }

    private static void sweep() {
        SWEEP_SCHEDULED.set(false);
        // Only those waiting now: a session that defers again meanwhile waits for the next sweep.
        flush(WAITING.getAndSet(null));
        // A session added after the take but before the flag was reset scheduled nothing.
        if (WAITING.get() != null && SWEEP_SCHEDULED.compareAndSet(false, true)) scheduleSweep();
    }

    /** Flushes the sessions of one taken stack; each may register again (and relink itself) as soon as it is flushed. */
    private static void flush(WebSocketSession session) {
        while (session != null) {
            WebSocketSession next = session.nextDeferred;
            session.nextDeferred = null;
            session.flushDeferredBySweep();
            session = next;
        }
    }

    /** For tests: the sweep delay from now on (the default: {@link #SWEEP_DELAY_MICROS}). */
    static void sweepDelayForTests(long micros) {
        sweepDelayMicros = micros;
        flushAllNow(); // a sweep scheduled with the old delay would otherwise hold up sessions added next
    }

    /** The timer thread is stopping ({@link Timers#shutdown()}) and drops its tasks: flush what waits now. */
    static void timersStopping() {
        flushAllNow();
    }

    private static void flushAllNow() {
        SWEEP_SCHEDULED.set(false);
        WebSocketSession taken;
        while ((taken = WAITING.getAndSet(null)) != null) {
            flush(taken);
        }
    }
}
