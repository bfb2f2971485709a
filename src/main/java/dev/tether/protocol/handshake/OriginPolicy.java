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
 * adds exact origins such as {@code https://app.example.com}.
 */
public final class OriginPolicy {

    private static final OriginPolicy SAME_ORIGIN = new OriginPolicy(false, Set.of());
    private static final OriginPolicy ANY = new OriginPolicy(true, Set.of());

    private final boolean any;
    private final Set<String> allowed;

    private OriginPolicy(boolean any, Set<String> allowed) {
        this.any = any;
        this.allowed = allowed;
    }

    /** The default: same origin, or no Origin header at all. */
    public static OriginPolicy sameOrigin() {
        return SAME_ORIGIN;
    }

    /** Same origin, plus these exact origins ({@code scheme://host[:port]}, compared case-insensitively). */
    public static OriginPolicy allowing(Collection<String> origins) {
        return new OriginPolicy(false, origins.stream().map(OriginPolicy::normalize).collect(Collectors.toUnmodifiableSet()));
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
        String normalized = normalize(origin);
        if (allowed.contains(normalized)) return true;
        return host != null && hostAndPort(normalized).equals(withDefaultPort(host.trim().toLowerCase(Locale.ROOT), secure));
    }

    private static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    /** host:port of an origin, with the scheme's default port; "" when it does not parse ("null" origins). */
    private static String hostAndPort(String origin) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || uri.getScheme() == null) return "";
            int port = uri.getPort();
            if (port < 0) port = defaultPort(uri.getScheme());
            if (port < 0) return "";
            String host = uri.getHost();
            return host + ":" + port;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String withDefaultPort(String host, boolean secure) {
        boolean bracketedIpv6 = host.startsWith("[");
        int colon = host.lastIndexOf(':');
        boolean hasPort = bracketedIpv6 ? host.lastIndexOf(']') < colon : colon >= 0;
        return hasPort ? host : host + ":" + (secure ? 443 : 80);
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
}
