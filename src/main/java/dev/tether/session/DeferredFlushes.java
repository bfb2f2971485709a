package dev.tether.session;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private static final ConcurrentLinkedQueue<WebSocketSession> WAITING = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean SWEEP_SCHEDULED = new AtomicBoolean();

    private DeferredFlushes() {
    }

    /** Registers a session with frames left unflushed; the caller registers each session once at a time. */
    static void add(WebSocketSession session) {
        WAITING.add(session);
        if (SWEEP_SCHEDULED.compareAndSet(false, true)) scheduleSweep();
    }

    private static void scheduleSweep() {
        Timers.schedule(DeferredFlushes::sweep, sweepDelayMicros, TimeUnit.MICROSECONDS);
    }

    private static void sweep() {
        SWEEP_SCHEDULED.set(false);
        // Only those waiting now: a session that defers again meanwhile waits for the next sweep.
        for (int n = WAITING.size(); n > 0; n--) {
            WebSocketSession session = WAITING.poll();
            if (session == null) break;
            session.flushDeferredBySweep();
        }
        // A session added after the poll found the queue empty but before the flag was reset scheduled nothing.
        if (!WAITING.isEmpty() && SWEEP_SCHEDULED.compareAndSet(false, true)) scheduleSweep();
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
        WebSocketSession session;
        while ((session = WAITING.poll()) != null) {
            session.flushDeferredBySweep();
        }
    }
}
