package dev.tether.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A {@code ws://} or {@code wss://} URI taken apart for the opening handshake (RFC 6455 §3): where to
 * connect, what to put in {@code Host}, and the request target.
 *
 * <p>Refused with a clear {@link IllegalArgumentException}: other schemes (including {@code http} and
 * {@code https}), a missing host, user info, and a fragment, which RFC 6455 §3 forbids in a WebSocket URI
 * ({@code #} must be escaped as {@code %23}).
 */
public final class WebSocketUri {

    private final URI uri;
    private final boolean secure;
    private final String host;
    private final int port;
    private final String path;
    private final String query;

    private WebSocketUri(URI uri, boolean secure, String host, int port, String path, String query) {
        this.uri = uri;
        this.secure = secure;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
    }

    /** Parses a URI string; see {@link #of(URI)}. */
    public static WebSocketUri parse(String uri) {
        if (uri == null) throw new IllegalArgumentException("WebSocket URI is null");
        try {
            return of(new URI(uri.trim()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid WebSocket URI: " + e.getMessage(), e);
        }
    }

    /** Checks a URI and takes it apart. */
    public static WebSocketUri of(URI uri) {
        if (uri == null) throw new IllegalArgumentException("WebSocket URI is null");
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new IllegalArgumentException("WebSocket URI needs a ws:// or wss:// scheme: " + uri);
        }
        boolean secure;
        switch (scheme) {
            case "ws":
                secure = false;
                break;
            case "wss":
                secure = true;
                break;
            case "http":
            case "https":
                throw new IllegalArgumentException("WebSocket URI must use ws:// or wss://, not " + scheme
                        + "://; did you mean " + (scheme.equals("http") ? "ws" : "wss") + "://? " + uri);
            default:
                throw new IllegalArgumentException("unsupported scheme '" + scheme
                        + "': a WebSocket URI uses ws:// or wss://: " + uri);
        }
        if (uri.isOpaque()) throw new IllegalArgumentException("WebSocket URI needs //host: " + uri);
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("WebSocket URI must not have a fragment (RFC 6455 §3); escape '#' as %23: "
                    + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("WebSocket URI must not carry user info; send credentials in a header: "
                    + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("WebSocket URI has no valid host: " + uri);
        }
        int port = uri.getPort();
        if (port == 0) throw new IllegalArgumentException("WebSocket URI port must not be 0: " + uri);
        if (port < 0) port = secure ? 443 : 80;
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) path = "/";
        return new WebSocketUri(uri, secure, host, port, path, uri.getRawQuery());
    }

    /** The URI as given. */
    public URI uri() {
        return uri;
    }

    /** True for {@code wss://}. */
    public boolean secure() {
        return secure;
    }

    /** The host as it appears in the URI; an IPv6 literal keeps its brackets ({@code [::1]}). */
    public String host() {
        return host;
    }

    /** The host to resolve and to name in TLS: an IPv6 literal without its brackets. */
    public String connectHost() {
        return isIpv6Literal() ? host.substring(1, host.length() - 1) : host;
    }

    /** The port, the scheme's default (80 or 443) when the URI has none. */
    public int port() {
        return port;
    }

    /** The raw (still percent-encoded) path, {@code /} when the URI has none. */
    public String path() {
        return path;
    }

    /** The raw query without {@code ?}, or null. */
    public String query() {
        return query;
    }

    /** What goes after {@code GET}: the path and, when there is one, {@code ?query}. */
    public String requestTarget() {
        return query == null ? path : path + "?" + query;
    }

    /** The {@code Host} header value: the port is included only when it is not the scheme's default. */
    public String hostHeader() {
        boolean defaultPort = port == (secure ? 443 : 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** {@code host:port} as a CONNECT request names it (IPv6 literal in brackets). */
    public String authority() {
        return host + ":" + port;
    }

    private boolean isIpv6Literal() {
        return host.startsWith("[") && host.endsWith("]");
    }

    @Override
    public String toString() {
        return (secure ? "wss://" : "ws://") + hostHeader() + requestTarget();
    }
}
