package dev.tether.session;

import java.nio.ByteBuffer;

/**
 * What a transport reports to the session on top of it. A transport calls the {@code on…} methods
 * from one thread at a time (never concurrently with each other).
 */
public interface TransportListener {

    /**
     * Bytes arrived. The buffer is valid only during the call, and the session may change its content
     * (it unmasks in place). Every byte is consumed.
     *
     * @return true to keep reading; false to pause until {@link Transport#resumeReading()} (the
     *     handler has fallen behind)
     */
    boolean onData(ByteBuffer data);

    /** The peer closed its side of the TCP connection (read returned -1, or the container said so). */
    void onEndOfInput();

    /** The connection failed: reset, I/O error, container error. */
    void onTransportFailure(Throwable cause);

    /** The TCP connection is closed, whichever side closed it. Called once; nothing follows it. */
    void onTransportClosed();

    /** Where the transport takes the frames to write. */
    OutboundQueue outbound();
}
