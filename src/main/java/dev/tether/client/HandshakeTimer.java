package dev.tether.client;

import dev.tether.WebSocketHandshakeException;
import dev.tether.WebSocketTimeoutException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the whole opening handshake (proxy CONNECT, TLS, HTTP upgrade) by one deadline. Each read is
 * bounded by SO_TIMEOUT, but a server that trickles one byte at a time would reset that clock forever,
 * and a blocked write is not bounded at all; so when the deadline passes, the socket is closed, which
 * ends whatever call is blocked on it.
 */
final class HandshakeTimer {

    private static final int IDLE = 0;
    private static final int ARMED = 1;
    private static final int FIRED = 2;
    private static final int DONE = 3;

    private final Duration timeout;
    private final String target;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile Socket socket;
    private volatile ScheduledFuture<?> task;

    HandshakeTimer(Duration timeout, String target) {
        this.timeout = timeout;
        this.target = target;
    }

    /** Starts the clock on a freshly connected socket. */
    void start(Socket tcp) throws SocketException {
        socket = tcp;
        tcp.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        if (!state.compareAndSet(IDLE, ARMED)) throw new IllegalStateException("handshake timer started twice");
        task = ClientScheduler.schedule(this::expire, timeout.toNanos());
    }

    private void expire() {
        if (state.compareAndSet(ARMED, FIRED)) closeQuietly(socket);
    }

    /** The handshake is over in time: stop the clock and let reads block again without limit. */
    void finish() throws IOException {
        if (!state.compareAndSet(ARMED, DONE)) {
            if (state.get() == FIRED) throw timeoutException(null);
            return;
        }
        ScheduledFuture<?> t = task;
        if (t != null) t.cancel(false);
        socket.setSoTimeout(0);
    }

    /** The handshake failed: stop the clock (the caller closes the socket). */
    void cancel() {
        if (state.compareAndSet(ARMED, DONE)) {
            ScheduledFuture<?> t = task;
            if (t != null) t.cancel(false);
        }
    }

    /**
     * What to throw for a failure during the handshake: a timeout when the deadline passed (the failure is
     * then only its symptom, usually "socket closed"), the failure itself otherwise. A refusal with its
     * status stays a refusal even if its body was cut short by the deadline.
     */
    IOException translate(IOException failure) {
        boolean refusal = failure instanceof WebSocketHandshakeException && ((WebSocketHandshakeException) failure).status() > 0;
        if (refusal) return failure;
        if (state.get() == FIRED || failure instanceof SocketTimeoutException) return timeoutException(failure);
        return failure;
    }

    private WebSocketTimeoutException timeoutException(Throwable cause) {
        WebSocketTimeoutException e = new WebSocketTimeoutException("opening handshake with " + target
                + " did not complete within " + timeout.toMillis() + " ms");
        if (cause != null) e.initCause(cause);
        return e;
    }

    static void closeQuietly(Socket s) {
        if (s == null) return;
        try {
            s.close();
        } catch (IOException ignored) {
            // closing to give up on it: nothing left to tell
        }
    }
}
