package dev.tether.session;

import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * What the opening handshake established: request path and query, headers (names lower-cased),
 * cookies, user, the agreed subprotocol, and the peer's address.
 */
public record HandshakeInfo(String path, String query, Map<String, List<String>> headers, List<HttpCookie> cookies,
                            Principal userPrincipal, String subprotocol, InetSocketAddress remoteAddress) {

    public HandshakeInfo {
        headers = headers == null ? Map.of() : HeaderMap.copyOf(headers);
        cookies = cookies == null ? List.of() : List.copyOf(cookies);
    }

    /** The first value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
