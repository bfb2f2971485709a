package dev.tether.protocol.handshake;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which {@code Origin} a server accepts, against cross-site WebSocket hijacking: a page on another site
 * must not open a connection that rides on the user's cookies.
 *
 * <p>The default is same-origin: a request without {@code Origin} (not from a browser) is accepted; one
 * with an {@code Origin} is accepted when its host and port are the request's {@code Host}. An allow-list
 * adds exact origins such as {@code https://app.example.com}. The opaque origin {@code null} (sandboxed
 * frames, {@code file:} pages) is never same-origin and cannot be allow-listed; only {@link #any()} admits it.
 *
 * <p>A {@code Host} without a port means the client used the default port of its scheme. Behind a proxy
 * that terminates TLS, whether <em>this</em> request is secure says nothing about the client's scheme, so
 * such a {@code Host} matches an origin on the default port of the origin's own scheme as well as on the
 * default port for this request ({@code https://example.com} matches {@code Host: example.com} even when
 * the proxy forwards plain HTTP). An explicit port in {@code Host} must equal the origin's port.
 */
public final class OriginPolicy {

    private static final OriginPolicy SAME_ORIGIN = new OriginPolicy(false, Set.of());
    private static final OriginPolicy ANY = new OriginPolicy(true, Set.of());

    private final boolean any;
    /** Allowed origins in canonical form, {@code scheme://host:port}. */
    private final Set<String> allowed;

    private OriginPolicy(boolean any, Set<String> allowed) {
        this.any = any;
        this.allowed = allowed;
    }

    /** The default: same origin, or no Origin header at all. */
    public static OriginPolicy sameOrigin() {
        return SAME_ORIGIN;
    }

    /**
     * Same origin, plus these exact origins ({@code scheme://host[:port]}, compared case-insensitively,
     * default ports optional).
     *
     * @throws IllegalArgumentException for an entry that is not such an origin
     */
    public static OriginPolicy allowing(Collection<String> origins) {
        return new OriginPolicy(false, origins.stream().map(o -> {
            Origin parsed = Origin.parse(o);
            if (parsed == null) throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + o);
            return parsed.canonical();
        }).collect(Collectors.toUnmodifiableSet()));
    }

    /** Every origin: only for endpoints that rely on nothing the browser sends by itself (cookies). */
    public static OriginPolicy any() {
        return ANY;
    }

    /**
     * Whether a request may proceed.
     *
     * @param origin the Origin header, or null
     * @param host the Host header
     * @param secure whether the request came over TLS (decides the default port)
     */
    public boolean permits(String origin, String host, boolean secure) {
        if (any || origin == null) return true;
        Origin o = Origin.parse(origin);
        if (o == null) return false; // "null" and anything else that is not scheme://host
        if (allowed.contains(o.canonical())) return true;
        if (host == null) return false;
        String h = host.trim().toLowerCase(Locale.ROOT);
        int portStart = portSeparator(h);
        String hostName = portStart < 0 ? h : h.substring(0, portStart);
        if (!hostName.equals(o.host)) return false;
        if (portStart < 0) {
            return o.port == (secure ? 443 : 80) || o.port == defaultPort(o.scheme);
        }
        try {
            return Integer.parseInt(h.substring(portStart + 1)) == o.port;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The index of the ':' before the port in a Host value, or -1 (IPv6 literals are bracketed). */
    private static int portSeparator(String host) {
        int colon = host.lastIndexOf(':');
        if (host.startsWith("[")) return host.lastIndexOf(']') < colon ? colon : -1;
        return colon;
    }

    private static int defaultPort(String scheme) {
        switch (scheme) {
            case "http":
            case "ws":
                return 80;
            case "https":
            case "wss":
                return 443;
            default:
                return -1;
        }
    }

    /** A parsed tuple origin: lower-case scheme and host, and the port with the scheme's default applied. */
    private static final class Origin {
        final String scheme;
        final String host;
        final int port;

        private Origin(String scheme, String host, int port) {
            this.scheme = scheme;
            this.host = host;
            this.port = port;
        }

        static Origin parse(String origin) {
            String o = origin.trim().toLowerCase(Locale.ROOT);
            if (o.endsWith("/")) o = o.substring(0, o.length() - 1);
            try {
                URI uri = new URI(o);
                String scheme = uri.getScheme();
                String host = uri.getHost(); // IPv6 literals keep their brackets, as in Host headers
                if (scheme == null || host == null) return null;
                if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) return null;
                if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) return null;
                int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
                if (port < 0) return null;
                return new Origin(scheme, host, port);
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }

        String canonical() {
            return scheme + "://" + host + ":" + port;
        }
    }
}
