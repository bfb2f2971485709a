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
import java.util.List;
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
 */
public final class TetherServer implements AutoCloseable {

    private static final String JETTY_SERVER_CLASS = "org.eclipse.jetty.server.Server";
    private static final String JETTY_SERVLET_CLASS = "org.eclipse.jetty.ee11.servlet.ServletContextHandler";

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
                EmbeddedJetty jetty = EmbeddedJetty.start(host, port, tls, servlet);
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
