package dev.tether.session;

/**
 * Moves bytes for one connection and nothing else: the servlet, Jetty and client-socket transports
 * implement it. The session calls these methods from any thread; none of them may block on the
 * network.
 */
public interface Transport {

    /**
     * Outbound frames were queued: write batches from {@link TransportListener#outbound()} until it is
     * empty, or until the network cannot take more (then carry on when it can).
     */
    void flush();

    /** The session can take input again after {@link TransportListener#onData} returned false. */
    void resumeReading();

    /**
     * Closes the connection once everything queued is written: the closing handshake is over. Called
     * at most once; the transport then reports {@link TransportListener#onTransportClosed()}.
     */
    void close();

    /** Closes the connection now, dropping whatever is unwritten. Safe to call more than once. */
    void abort();
}
