package dev.tether.client;

import dev.tether.WebSocket;
import dev.tether.WebSocketConfig;
import dev.tether.protocol.Role;
import dev.tether.session.HandshakeInfo;
import dev.tether.session.WebSocketSession;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Opens client connections to {@code ws://} and {@code wss://} servers. Immutable and thread-safe: build
 * one, connect many times.
 *
 * <pre>{@code
 * try (WebSocket ws = WebSocketClient.create().connect("wss://example.com/echo")) {
 *     ws.sendMessage("hello");
 *     Message reply = ws.readMessage();
 * }
 * }</pre>
 *
 * <p>The returned {@link WebSocket} is the same API as on the server side. On a client, its
 * {@link WebSocket#headers()} and {@link WebSocket#cookies()} are what the server sent in its 101 response
 * (the request's headers are the client's own), and {@link WebSocket#remoteAddress()} is the server's.
 */
public final class WebSocketClient {

    /** Headers the handshake writes itself, or that have their own builder method. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "upgrade", "connection", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-accept", "sec-websocket-protocol", "sec-websocket-extensions",
            "origin", "content-length", "transfer-encoding");

    private static final WebSocketClient DEFAULT = builder().build();

    private final Duration connectTimeout;
    private final Duration handshakeTimeout;
    private final WebSocketConfig config;
    private final List<Map.Entry<String, String>> headers;
    private final List<String> subprotocols;
    private final String origin;
    private final SSLContext sslContext;
    private final ProxySettings proxy;

    private WebSocketClient(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.handshakeTimeout = b.handshakeTimeout;
        this.config = b.config;
        this.headers = List.copyOf(b.headers);
        this.subprotocols = List.copyOf(b.subprotocols);
        this.origin = b.origin;
        this.sslContext = b.sslContext;
        this.proxy = b.proxy == null ? null : b.proxy.withCredentials(b.proxyUser, b.proxyPassword);
    }

    /** A client with the defaults: 10 s to connect, 10 s for the handshake, default limits, JVM trust store. */
    public static WebSocketClient create() {
        return DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Connects to a {@code ws://} or {@code wss://} URL; see {@link #connect(URI)}. */
    public WebSocket connect(String url) throws IOException {
        return connect(WebSocketUri.parse(url));
    }

    /**
     * Connects and completes the opening handshake.
     *
     * @throws IllegalArgumentException when the URI is not a valid ws/wss URI
     * @throws dev.tether.WebSocketHandshakeException when the server refused or answered wrongly
     * @throws dev.tether.WebSocketTimeoutException when connecting or the handshake took too long
     * @throws IOException when the connection failed (unknown host, refused, TLS failure…)
     */
    public WebSocket connect(URI uri) throws IOException {
        return connect(WebSocketUri.of(uri));
    }

    private WebSocket connect(WebSocketUri target) throws IOException {
        Handshaken h = handshake(target);
        HttpResponseHead response = h.result().response();
        HandshakeInfo info = new HandshakeInfo(target.path(), target.query(), responseHeaders(response),
                responseCookies(response), null, h.result().subprotocol(), remoteAddress(target, h.socket(), proxy != null));
        WebSocketSession session = new WebSocketSession(Role.CLIENT, config, info);
        SocketTransport transport = new SocketTransport(h.socket(), session, config, target.authority());
        session.start(transport);
        transport.startReading();
        return session;
    }

    /** A connection whose opening handshake succeeded, before a session runs on it. */
    record Handshaken(WebSocketUri uri, ClientSocket socket, ClientHandshake.Result result) {
    }

    /** Connects and performs the opening handshake, under the connect and handshake timeouts. */
    Handshaken handshake(WebSocketUri target) throws IOException {
        HandshakeTimer timer = new HandshakeTimer(handshakeTimeout, target.toString());
        SocketConnector connector = new SocketConnector(connectTimeout, sslContext, proxy);
        ClientSocket socket = null;
        try {
            socket = connector.open(target, timer);
            ClientHandshake handshake = new ClientHandshake(target, subprotocols, origin, headers);
            ClientHandshake.Result result = handshake.perform(socket.in(), socket.out());
            timer.finish();
            return new Handshaken(target, socket, result);
        } catch (IOException e) {
            timer.cancel();
            if (socket != null) socket.closeNow();
            throw timer.translate(e);
        } catch (RuntimeException e) {
            timer.cancel();
            if (socket != null) socket.closeNow();
            throw e;
        }
    }

    /** The response headers by lower-case name: what {@link WebSocket#headers()} shows on a client. */
    static Map<String, List<String>> responseHeaders(HttpResponseHead head) {
        return new LinkedHashMap<>(head.headers());
    }

    /** Cookies the server set in its 101 response. Malformed ones are skipped: they are only informative. */
    static List<HttpCookie> responseCookies(HttpResponseHead head) {
        List<HttpCookie> cookies = new ArrayList<>();
        for (String value : head.values("Set-Cookie")) {
            try {
                cookies.addAll(HttpCookie.parse(value));
            } catch (IllegalArgumentException ignored) {
                // a cookie we cannot parse is one we cannot show
            }
        }
        return cookies;
    }

    /** The server's address as the URI names it (through a proxy, the socket's peer is the proxy). */
    static InetSocketAddress remoteAddress(WebSocketUri uri, ClientSocket socket, boolean proxied) {
        if (!proxied && socket.tcp().getRemoteSocketAddress() instanceof InetSocketAddress) {
            return (InetSocketAddress) socket.tcp().getRemoteSocketAddress();
        }
        return InetSocketAddress.createUnresolved(uri.connectHost(), uri.port());
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    public WebSocketConfig config() {
        return config;
    }

    public List<String> subprotocols() {
        return subprotocols;
    }

    /** Options for a client. Not thread-safe; {@link #build()} takes a snapshot. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private WebSocketConfig config = WebSocketConfig.defaults();
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private List<String> subprotocols = List.of();
        private String origin;
        private SSLContext sslContext;
        private ProxySettings proxy;
        private String proxyUser;
        private String proxyPassword;

        private Builder() {
        }

        /**
         * How long looking up the host and the TCP connect may take together (to the server, or to the
         * proxy). Default 10 s.
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long the whole opening handshake may take once TCP stands: proxy CONNECT, TLS, HTTP upgrade. Default 10 s. */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = positive(timeout, "handshakeTimeout");
            return this;
        }

        /** Limits and read/write/close timeouts of the connections. */
        public Builder config(WebSocketConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Adds a request header (cookies, authorization…). Repeating a name sends it twice. The handshake's
         * own headers cannot be set here; Origin and Sec-WebSocket-Protocol have their own methods.
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            if (!HttpResponseHeadReader.isToken(name)) throw new IllegalArgumentException("invalid header name: " + name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED_HEADERS.contains(lower)) {
                String hint = lower.equals("origin") ? "; use origin(…)"
                        : lower.equals("sec-websocket-protocol") ? "; use subprotocols(…)" : "";
                throw new IllegalArgumentException("header " + name + " is set by the WebSocket handshake itself" + hint);
            }
            headers.add(Map.entry(name, checkedValue(value, "header " + name)));
            return this;
        }

        /** Subprotocols to offer, most preferred first; the server picks one or none. */
        public Builder subprotocols(String... subprotocols) {
            List<String> list = new ArrayList<>();
            for (String p : subprotocols) {
                if (p == null || !HttpResponseHeadReader.isToken(p)) {
                    throw new IllegalArgumentException("a subprotocol must be an HTTP token: " + p);
                }
                if (list.contains(p)) throw new IllegalArgumentException("subprotocol offered twice: " + p);
                list.add(p);
            }
            this.subprotocols = List.copyOf(list);
            return this;
        }

        /** The Origin header, as a browser would send it ({@code https://app.example.com}); none by default. */
        public Builder origin(String origin) {
            this.origin = origin == null ? null : checkedValue(origin, "origin");
            return this;
        }

        /** The TLS context for wss (trust store, client certificates). Default: the JVM's default context. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** Connects through an HTTP proxy with CONNECT, for ws and wss alike. */
        public Builder proxy(String host, int port) {
            this.proxy = new ProxySettings(host, port, null, null);
            return this;
        }

        /** Basic credentials for the proxy. */
        public Builder proxyCredentials(String user, String password) {
            Objects.requireNonNull(user, "proxy user");
            Objects.requireNonNull(password, "proxy password");
            if (user.indexOf(':') >= 0) throw new IllegalArgumentException("a Basic user name cannot contain ':'");
            this.proxyUser = user;
            this.proxyPassword = password;
            return this;
        }

        public WebSocketClient build() {
            if (proxyUser != null && proxy == null) {
                throw new IllegalStateException("proxyCredentials without a proxy: call proxy(host, port) too");
            }
            return new WebSocketClient(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
            return d;
        }

        /** Header values must not smuggle in a line break (header injection) or other control characters. */
        private static String checkedValue(String value, String what) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                    throw new IllegalArgumentException(what + " contains a character not allowed in a header value (index "
                            + i + ")");
                }
            }
            return value.strip();
        }
    }
}
