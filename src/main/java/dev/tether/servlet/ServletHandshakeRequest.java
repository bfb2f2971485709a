package dev.tether.servlet;

import dev.tether.protocol.handshake.HandshakeRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** A servlet request as the protocol core's handshake sees it. */
final class ServletHandshakeRequest implements HandshakeRequest {

    private final HttpServletRequest request;

    ServletHandshakeRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String httpVersion() {
        return request.getProtocol();
    }

    @Override
    public List<String> headerValues(String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    @Override
    public boolean isSecure() {
        return request.isSecure();
    }
}
