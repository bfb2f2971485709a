package dev.tether.server;

import dev.tether.protocol.Role;
import dev.tether.session.HandshakeInfo;
import dev.tether.session.Transport;
import dev.tether.session.TransportListener;
import dev.tether.session.WebSocketSession;

/** The real thing: a {@link WebSocketSession} per connection, with the endpoint's handler on its own thread. */
public final class SessionConnectionFactory implements ServerConnectionFactory {

    @Override
    public ServerConnection open(Endpoint endpoint, HandshakeInfo handshake) {
        WebSocketSession session = new WebSocketSession(Role.SERVER, endpoint.config(), handshake);
        return new ServerConnection() {
            @Override
            public TransportListener listener() {
                return session;
            }

            @Override
            public void start(Transport transport) {
                session.start(transport);
                HandlerRunner.start(session, endpoint.handler());
            }

            @Override
            public void close(int code, String reason) {
                session.close(code, reason);
            }
        };
    }
}
