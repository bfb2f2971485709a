package dev.tether.servlet;

import dev.tether.protocol.handshake.AcceptKey;
import dev.tether.server.Endpoint;
import dev.tether.server.ServerConnectionFactory;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Accepts every upgrade request with a bare handshake and hands the connection to a test factory. */
final class RawUpgradeServlet extends HttpServlet {

    private final ServerConnectionFactory factory;
    private final TransportChoice choice;

    RawUpgradeServlet(ServerConnectionFactory factory, TransportChoice choice) {
        this.factory = factory;
        this.choice = choice;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        resp.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        resp.setHeader("Upgrade", "websocket");
        resp.setHeader("Connection", "Upgrade");
        resp.setHeader("Sec-WebSocket-Accept", AcceptKey.of(req.getHeader("Sec-WebSocket-Key")));
        Endpoint endpoint = Endpoint.of(path, ws -> { });
        ConnectionTakeover.take(req, factory.open(endpoint, ServletHandshakeInfo.of(req, path, null)), choice);
    }
}
