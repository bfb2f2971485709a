package dev.tether.server;

import dev.tether.session.Transport;
import dev.tether.session.TransportListener;

/**
 * One accepted WebSocket connection, as the transports see it: the listener that takes its bytes (the
 * session), and how to start it once a transport can read and write.
 *
 * <p>Transports know nothing of sessions or handlers; this is the seam between the two, which also lets
 * transport tests run with a listener of their own.
 */
public interface ServerConnection {

    /** Where the transport reports bytes and disconnects. */
    TransportListener listener();

    /**
     * The transport can read and write now: start the session and its handler. The transport calls this
     * once, before it reports any event to {@link #listener()}.
     */
    void start(Transport transport);

    /** Starts the closing handshake (the server is shutting down, for example). Never throws. */
    void close(int code, String reason);
}
