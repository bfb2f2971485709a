package dev.tether.session;

import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide counters of WebSocket traffic, for monitoring (the status demo shows them). Cheap enough
 * for the hot path: {@link LongAdder}s, no locks.
 */
public final class ConnectionStats {

    private static final LongAdder OPEN = new LongAdder();
    private static final LongAdder OPENED = new LongAdder();
    private static final LongAdder RECEIVED = new LongAdder();
    private static final LongAdder SENT = new LongAdder();

    private ConnectionStats() {
    }

    /** Connections open now, server and client side. */
    public static long openConnections() {
        return OPEN.sum();
    }

    /** Connections opened since the JVM started. */
    public static long connectionsOpened() {
        return OPENED.sum();
    }

    /** Complete messages received since the JVM started. */
    public static long messagesReceived() {
        return RECEIVED.sum();
    }

    /** Complete messages sent since the JVM started. */
    public static long messagesSent() {
        return SENT.sum();
    }

    static void opened() {
        OPEN.increment();
        OPENED.increment();
    }

    static void closed() {
        OPEN.decrement();
    }

    static void received() {
        RECEIVED.increment();
    }

    static void sent() {
        SENT.increment();
    }
}
