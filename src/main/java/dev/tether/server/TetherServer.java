package dev.tether.server;

import dev.tether.CloseCodes;
import dev.tether.WebSocketConfig;
import dev.tether.WebSocketHandler;
import dev.tether.protocol.handshake.OriginPolicy;
import dev.tether.servlet.TetherServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket server in the application's own process, on embedded Jetty 12.1: for programs and tests
 * that are not deployed in a servlet container.
 *
 * <pre>{@code
 * try (TetherServer server = Tether.server().port(8080).endpoint("/ws-echo", ws -> ws.runWith(ws::sendMessage)).start()) {
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Jetty is not bundled</b>: Tether declares it as a {@code provided} dependency, because a WAR gets
 * its container from the server it is deployed on. To use the embedded server, put
 * {@code org.eclipse.jetty.ee11:jetty-ee11-servlet:12.1.x} on the application's classpath;
 * {@link Builder#start()} says so when it is missing.
 *
 * <p>{@link #close()} closes every open WebSocket with 1001 (going away), waits briefly for the closing
 * handshakes, then stops Jetty.
 *
 * <p>Safe by default: a connection must complete its opening handshake within
 * {@linkplain Builder#handshakeTimeout the handshake timeout} (10 s) or it is dropped, whether it is silent
 * or trickles its request (slowloris); at most {@linkplain Builder#maxConnections 10,000} WebSockets are
 * open at once, further handshakes get 503. The {@code tether.*} system properties
 * ({@link DeploymentSettings}) apply here as in a servlet container, below what the builder sets.
 */
public final class TetherServer implements AutoCloseable {

    private static final String JETTY_SERVER_CLASS = "org.eclipse.jetty.server.Server";
    private static final String JETTY_SERVLET_CLASS = "org.eclipse.jetty.ee11.servlet.ServletContextHandler";
    /** See {@link Builder#handshakeTimeout(Duration)}. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedJetty jetty;
    private final TetherServlet servlet;
    private final String host;
    private final boolean secure;
    private final Duration shutdownTimeout;
    private boolean closed;

    private TetherServer(EmbeddedJetty jetty, TetherServlet servlet, String host, boolean secure, Duration shutdownTimeout) {
        this.jetty = jetty;
        this.servlet = servlet;
        this.host = host;
        this.secure = secure;
        this.shutdownTimeout = shutdownTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the one picked when port 0 was asked for). */
    public int port() {
        return jetty.port();
    }

    /** The address the server is bound to. */
    public String host() {
        return host;
    }

    /** The ws:// (or wss://) address of a path on this server, for example {@code uri("/ws-echo")}. */
    public URI uri(String path) {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        if (h.contains(":") && !h.startsWith("[")) h = "[" + h + "]";
        return URI.create((secure ? "wss" : "ws") + "://" + h + ":" + port() + path);
    }

    /** How many WebSocket connections are open. */
    public int openConnections() {
        return servlet.openConnections();
    }

    /** Closes every WebSocket with 1001 (going away), then stops the server. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        servlet.closeAll(CloseCodes.GOING_AWAY, "server shutting down", shutdownTimeout);
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty failed", e);
        }
    }

    @Override
    public String toString() {
        return "TetherServer[" + (secure ? "wss" : "ws") + "://" + host + ":" + port() + "]";
    }

    /** What to serve and where. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port;
        private SSLContext tls;
        private WebSocketConfig config = WebSocketConfig.defaults();
        private OriginPolicy origins = OriginPolicy.sameOrigin();
        private Duration shutdownTimeout = Duration.ofSeconds(2);
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private final Map<String, String> settings = new HashMap<>();
        private final List<Endpoint> endpoints = new ArrayList<>();

        private Builder() {
        }

        /** The address to bind: {@code 0.0.0.0} (every interface, the default) or for example {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 (the default) picks a free one, see {@link TetherServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
            this.port = port;
            return this;
        }

        /** Serves wss:// with this context (its key manager holds the server certificate). */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Limits and timeouts for the endpoints added with {@link #endpoint(String, WebSocketHandler)} after this call. */
        public Builder config(WebSocketConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The Origin policy for the endpoints added with {@link #endpoint(String, WebSocketHandler)} after this call. */
        public Builder origins(OriginPolicy origins) {
            this.origins = Objects.requireNonNull(origins, "origins");
            return this;
        }

        /** How long {@link TetherServer#close()} waits for closing handshakes. Default 2 s. */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How long a new connection may take to complete its opening handshake, from TCP accept to the 101,
         * TLS handshake included; a connection still speaking HTTP then is closed. Against slowloris: clients
         * that open connections and send their requests slowly, or never, to use up the server's. Default 10 s.
         */
        public Builder handshakeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("handshakeTimeout must be positive: " + timeout);
            this.handshakeTimeout = timeout;
            return this;
        }

        /**
         * The most WebSocket connections open at once; further handshakes get {@code 503 Service Unavailable}
         * with {@code Retry-After}. Default {@value DeploymentSettings#DEFAULT_MAX_CONNECTIONS}, or system
         * property {@value DeploymentSettings#MAX_CONNECTIONS}.
         */
        public Builder maxConnections(int max) {
            if (max <= 0) throw new IllegalArgumentException("maxConnections must be positive: " + max);
            settings.put(DeploymentSettings.MAX_CONNECTIONS, Integer.toString(max));
            return this;
        }

        /** Serves {@code handler} at {@code path} (exact, or a prefix ending in {@code /*}; {@code /*} is every path). */
        public Builder endpoint(String path, WebSocketHandler handler) {
            return endpoint(new Endpoint(path, handler, config, List.of(), origins));
        }

        public Builder endpoint(Endpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws IllegalStateException when Jetty 12.1 is not on the classpath, or no endpoint was added
         * @throws UncheckedIOException when the port cannot be bound
         */
        public TetherServer start() {
            if (endpoints.isEmpty()) throw new IllegalStateException("no endpoint: add one with endpoint(path, handler)");
            requireJetty();
            EndpointRegistry registry = new EndpointRegistry();
            endpoints.forEach(registry::register);
            TetherServlet servlet = EmbeddedJetty.servlet(registry);
            try {
                EmbeddedJetty jetty = EmbeddedJetty.start(host, port, tls, servlet, handshakeTimeout, Map.copyOf(settings));
                return new TetherServer(jetty, servlet, host, tls != null, shutdownTimeout);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the embedded server", e);
            }
        }

        private static void requireJetty() {
            for (String name : new String[] {JETTY_SERVER_CLASS, JETTY_SERVLET_CLASS}) {
                try {
                    Class.forName(name, false, TetherServer.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("Tether's embedded server runs on Jetty 12.1, which is not on the"
                            + " classpath: add org.eclipse.jetty.ee11:jetty-ee11-servlet:12.1.x (missing " + name + ")", e);
                }
            }
        }
    }
}
