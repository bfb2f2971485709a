package dev.tether.session;

/**
 * The closing handshake of RFC 6455 §7 as an explicit state machine: who sent a close frame first, and
 * whether the handshake is over. Thread-safe; every transition is atomic.
 *
 * <pre>
 *   OPEN --we send close--&gt; CLOSE_SENT --peer's close arrives--&gt; CLOSED
 *   OPEN --peer's close arrives (we echo it)--&gt; CLOSED
 * </pre>
 */
final class CloseHandshake {

    enum State { OPEN, CLOSE_SENT, CLOSED }

    private State state = State.OPEN;

    synchronized State state() {
        return state;
    }

    /** We want to send a close frame: true when we may (nothing was sent or received before). */
    synchronized boolean startLocal() {
        if (state != State.OPEN) return false;
        state = State.CLOSE_SENT;
        return true;
    }

    /** The peer's close frame arrived: true when we must echo it (we had not sent ours yet). */
    synchronized boolean onPeerClose() {
        boolean echo = state == State.OPEN;
        state = State.CLOSED;
        return echo;
    }

    /** The connection is gone, whatever the handshake had reached. */
    synchronized void terminate() {
        state = State.CLOSED;
    }
}
