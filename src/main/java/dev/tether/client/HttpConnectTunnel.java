package dev.tether.client;

import dev.tether.WebSocketHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Opens a tunnel through an HTTP proxy with {@code CONNECT host:port} (RFC 9110 §9.3.6). Once the proxy
 * answers 2xx, the socket carries bytes to the target untouched, so TLS and the WebSocket handshake run
 * on top of it as if connected directly.
 */
final class HttpConnectTunnel {

    private HttpConnectTunnel() {
    }

    /** Asks the proxy on {@code socket} for a tunnel to {@code authority} ({@code host:port}). */
    static void open(Socket socket, ProxySettings proxy, String authority) throws IOException {
        StringBuilder request = new StringBuilder(128)
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        String authorization = proxy.authorization();
        if (authorization != null) request.append("Proxy-Authorization: ").append(authorization).append("\r\n");
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // Unbuffered on purpose: once the tunnel stands, TLS reads this socket directly, and a buffer
        // could swallow the first bytes that belong to it. The head is small; byte-wise reads are cheap.
        InputStream in = socket.getInputStream();
        String peer = "proxy " + proxy.host() + ":" + proxy.port();
        HttpResponseHead head = new HttpResponseHeadReader(in, peer).read();
        if (head.status() / 100 != 2) {
            String body = HttpBodyReader.read(in, head, ClientHandshake.MAX_REFUSAL_BODY_BYTES);
            String hint = head.status() == 407
                    ? (authorization == null ? " (the proxy wants credentials: set proxyCredentials)" : " (credentials refused)")
                    : "";
            throw new WebSocketHandshakeException(peer + " refused CONNECT " + authority + ": " + head.statusLine() + hint,
                    head.status(), body);
        }
        // A 2xx to CONNECT has no body (RFC 9110 §9.3.6): the tunnel starts right after the head.
    }
}
