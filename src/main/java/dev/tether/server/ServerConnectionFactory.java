package dev.tether.server;

import dev.tether.session.HandshakeInfo;

/** Creates the connection for an accepted handshake. */
@FunctionalInterface
public interface ServerConnectionFactory {

    /** The connection serving {@code endpoint} for a handshake that was just accepted. */
    ServerConnection open(Endpoint endpoint, HandshakeInfo handshake);
}
