package dev.tether.protocol.handshake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's answer to an opening handshake: either 101 with the headers that complete the upgrade,
 * or a refusal with its status, headers and a short plain-text body saying what was wrong.
 */
public final class HandshakeResponse {

    private final int status;
    private final Map<String, String> headers;
    private final String body;
    private final String subprotocol;

    private HandshakeResponse(int status, Map<String, String> headers, String body, String subprotocol) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.subprotocol = subprotocol;
    }

    static HandshakeResponse accept(Map<String, String> headers, String subprotocol) {
        return new HandshakeResponse(101, headers, "", subprotocol);
    }

    static HandshakeResponse refuse(int status, Map<String, String> headers, String body) {
        return new HandshakeResponse(status, headers, body, null);
    }

    /** Whether the connection is to be upgraded (status 101). */
    public boolean accepted() {
        return status == 101;
    }

    public int status() {
        return status;
    }

    /** The response headers in the order they should be sent. */
    public Map<String, String> headers() {
        return headers;
    }

    /** A short plain-text explanation for a refusal; "" when accepted. */
    public String body() {
        return body;
    }

    /** The chosen subprotocol, or null when none was offered or none is supported. */
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public String toString() {
        return "HandshakeResponse[" + status + " " + headers + (body.isEmpty() ? "" : " \"" + body + "\"") + "]";
    }
}
