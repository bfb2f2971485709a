package dev.tether.protocol.handshake;

import java.util.List;

/** The parts of an HTTP upgrade request the server handshake looks at; each transport adapts its own request. */
public interface HandshakeRequest {

    /** The request method, e.g. "GET". */
    String method();

    /** The protocol version as on the request line, e.g. "HTTP/1.1". */
    String httpVersion();

    /** Every value of every occurrence of a header, by case-insensitive name; an empty list if absent. */
    List<String> headerValues(String name);

    /** Whether the request came over TLS. */
    boolean isSecure();
}
