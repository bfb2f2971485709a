package dev.tether.client;

import dev.tether.WebSocketHandshakeException;
import dev.tether.protocol.handshake.AcceptKey;
import dev.tether.protocol.handshake.HeaderTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The client's side of the opening handshake (RFC 6455 §4.1): writes the upgrade request and checks the
 * server's answer. One instance per connection attempt: it holds the fresh {@code Sec-WebSocket-Key}.
 *
 * <p>Every way the answer can be wrong is a {@link WebSocketHandshakeException} that says what was wrong;
 * a refusal (any status but 101) carries its status and the start of its body.
 */
public final class ClientHandshake {

    /** How much of a refusal's body is kept for the exception. */
    public static final int MAX_REFUSAL_BODY_BYTES = 64 * 1024;

    private final WebSocketUri uri;
    private final List<String> subprotocols;
    private final String origin;
    private final List<Map.Entry<String, String>> extraHeaders;
    private final String key;

    /**
     * @param subprotocols offered subprotocols, most preferred first (may be empty)
     * @param origin the Origin header, or null
     * @param extraHeaders further request headers, already checked not to collide with the handshake's own
     */
    public ClientHandshake(WebSocketUri uri, List<String> subprotocols, String origin,
                           List<Map.Entry<String, String>> extraHeaders) {
        this.uri = uri;
        this.subprotocols = List.copyOf(subprotocols);
        this.origin = origin;
        this.extraHeaders = List.copyOf(extraHeaders);
        this.key = AcceptKey.newClientKey();
    }

    /** The {@code Sec-WebSocket-Key} this handshake sends. */
    public String key() {
        return key;
    }

    /** The request, ready to write. */
    public byte[] request() {
        StringBuilder r = new StringBuilder(256);
        r.append("GET ").append(uri.requestTarget()).append(" HTTP/1.1\r\n");
        header(r, "Host", uri.hostHeader());
        header(r, "Upgrade", "websocket");
        header(r, "Connection", "Upgrade");
        header(r, "Sec-WebSocket-Key", key);
        header(r, "Sec-WebSocket-Version", "13");
        if (origin != null) header(r, "Origin", origin);
        if (!subprotocols.isEmpty()) header(r, "Sec-WebSocket-Protocol", String.join(", ", subprotocols));
        for (Map.Entry<String, String> h : extraHeaders) header(r, h.getKey(), h.getValue());
        r.append("\r\n");
        return r.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void header(StringBuilder r, String name, String value) {
        r.append(name).append(": ").append(value).append("\r\n");
    }

    /**
     * Writes the request and reads and checks the response. Leaves {@code in} just after the response
     * head, where the WebSocket's first frame may already wait.
     *
     * @return the response, and the subprotocol the server chose (or null)
     */
    public Result perform(InputStream in, OutputStream out) throws IOException {
        out.write(request());
        out.flush();
        HttpResponseHead head = new HttpResponseHeadReader(in, "server " + uri.authority()).read();
        if (head.status() != 101) {
            String body = HttpBodyReader.read(in, head, MAX_REFUSAL_BODY_BYTES);
            throw new WebSocketHandshakeException("server refused the WebSocket upgrade of " + uri + ": "
                    + head.statusLine(), head.status(), body);
        }
        return new Result(head, validate(head));
    }

    /** What the server answered. */
    public record Result(HttpResponseHead response, String subprotocol) {
    }

    /**
     * Checks a 101 response (RFC 6455 §4.1, the client's steps 1 to 6).
     *
     * @return the subprotocol the server chose, or null
     */
    public String validate(HttpResponseHead head) throws WebSocketHandshakeException {
        int status = head.status();
        if (status != 101) fail("expected status 101, got " + head.statusLine(), head);
        if (!HeaderTokens.contains(head.values("Upgrade"), "websocket")) {
            fail("response has no 'Upgrade: websocket' header (got " + describe(head.values("Upgrade")) + ")", head);
        }
        if (!HeaderTokens.contains(head.values("Connection"), "upgrade")) {
            fail("response has no 'Connection: Upgrade' header (got " + describe(head.values("Connection")) + ")", head);
        }
        List<String> accept = head.values("Sec-WebSocket-Accept");
        if (accept.isEmpty()) fail("response has no Sec-WebSocket-Accept header", head);
        if (accept.size() > 1) fail("response has more than one Sec-WebSocket-Accept header", head);
        String expected = AcceptKey.of(key);
        if (!expected.equals(accept.get(0))) {
            fail("wrong Sec-WebSocket-Accept: expected " + expected + ", got " + accept.get(0), head);
        }
        if (!head.values("Sec-WebSocket-Extensions").isEmpty()) {
            fail("server accepted extensions the client did not offer: "
                    + describe(head.values("Sec-WebSocket-Extensions")), head);
        }
        return chosenSubprotocol(head);
    }

    private String chosenSubprotocol(HttpResponseHead head) throws WebSocketHandshakeException {
        List<String> values = head.values("Sec-WebSocket-Protocol");
        if (values.isEmpty()) return null;
        if (subprotocols.isEmpty()) {
            fail("server chose subprotocol " + describe(values) + " but the client offered none", head);
        }
        List<String> tokens = HeaderTokens.split(values);
        if (tokens.size() != 1) fail("server must choose exactly one subprotocol, got " + describe(values), head);
        String chosen = tokens.get(0);
        if (!subprotocols.contains(chosen)) {
            fail("server chose subprotocol '" + chosen + "', which the client did not offer (offered "
                    + String.join(", ", subprotocols) + ")", head);
        }
        return chosen;
    }

    private void fail(String what, HttpResponseHead head) throws WebSocketHandshakeException {
        throw new WebSocketHandshakeException("WebSocket handshake with " + uri + " failed: " + what, head.status(), "");
    }

    private static String describe(List<String> values) {
        return values.isEmpty() ? "none" : "'" + String.join(", ", values) + "'";
    }
}
