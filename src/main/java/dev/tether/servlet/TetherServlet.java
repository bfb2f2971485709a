package dev.tether.servlet;

import dev.tether.CloseCodes;
import dev.tether.protocol.handshake.HandshakeResponse;
import dev.tether.protocol.handshake.HeaderTokens;
import dev.tether.protocol.handshake.ServerHandshake;
import dev.tether.server.DeploymentSettings;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.server.LiveConnections;
import dev.tether.server.ServerConnection;
import dev.tether.server.ServerConnectionFactory;
import dev.tether.server.SessionConnectionFactory;
import dev.tether.session.HandshakeInfo;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves the WebSocket endpoints of an {@link EndpointRegistry} in any Jakarta EE servlet container
 * (Servlet 6.0 or later): map it to the paths of the endpoints, or to {@code /*}.
 *
 * <p>For each request it finds the endpoint of the path within the application
 * ({@code servletPath + pathInfo}, 404 when there is none), answers a request that is not an upgrade
 * with 426 (GET) or 405, runs the opening handshake, and on success answers 101 and takes the
 * connection over: with Jetty's own upgrade on Jetty 12 (whose servlet upgrade is defective), with
 * {@code request.upgrade()} elsewhere. Init-param {@code transport} ({@code auto}, {@code servlet},
 * {@code jetty}) forces one.
 *
 * <p>The registry comes from the constructor or from the servlet context attribute
 * {@link EndpointRegistry#ATTRIBUTE}. When the servlet is destroyed, open connections are closed with
 * 1001 (going away).
 *
 * <p>Settings for every endpoint ({@link DeploymentSettings}, {@code tether.maxMessageSize},
 * {@code tether.idleTimeout}, ...) come from the servlet's init-params, the context's init-params or system
 * properties, read at {@link #init()}; an invalid one keeps the servlet from starting. What an endpoint sets
 * itself wins over them. At most {@code tether.maxConnections} WebSocket connections (default
 * {@value DeploymentSettings#DEFAULT_MAX_CONNECTIONS}) are open through one servlet at a time; further
 * handshakes get {@code 503 Service Unavailable} with {@code Retry-After}, before any upgrade.
 */
public class TetherServlet extends HttpServlet {

    /** The init-param that forces a transport: {@code auto} (the default), {@code servlet} or {@code jetty}. */
    public static final String TRANSPORT_PARAM = "transport";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TetherServlet.class.getName());
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);
    /** What a client refused for capacity is told to wait before trying again, in seconds. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final long LIMIT_LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private transient volatile EndpointRegistry registry;
    private transient volatile TransportChoice transport;
    private transient volatile DeploymentSettings settings = DeploymentSettings.defaults();
    /** When the connection limit was last logged ({@link System#nanoTime()}), so that a flood logs once a minute. */
    private final transient AtomicLong limitLogged = new AtomicLong(System.nanoTime() - LIMIT_LOG_INTERVAL_NANOS);
    private final transient ServerConnectionFactory connections;
    private final transient LiveConnections live = new LiveConnections();
    private final transient AtomicBoolean missingRegistryReported = new AtomicBoolean();
    /**
     * Each registered endpoint as served here (with the deployment's settings), made once: a session keeps
     * its endpoint's configuration as long as it is open, so one made per handshake would cost every
     * connection its own copy. Bounded by the registry's endpoints; cleared when the settings are read.
     */
    private final transient Map<Endpoint, Endpoint> served = new ConcurrentHashMap<>();
    /** On Jetty: says 1001 to every connection before the server closes its connectors. */
    private final transient AtomicReference<AutoCloseable> jettyStopHook = new AtomicReference<>();

    /** Takes the registry from the servlet context attribute {@link EndpointRegistry#ATTRIBUTE}. */
    public TetherServlet() {
        this(null, null, null);
    }

    public TetherServlet(EndpointRegistry registry) {
        this(registry, null, null);
    }

    public TetherServlet(EndpointRegistry registry, TransportChoice transport) {
        this(registry, transport, null);
    }

    /**
     * @param registry the endpoints, or null to take them from the servlet context
     * @param transport how to take connections over, or null for the init-param (default auto)
     * @param connections what serves an accepted connection, or null for sessions running the endpoint's
     *     handler (tests and integrations plug in their own)
     */
    public TetherServlet(EndpointRegistry registry, TransportChoice transport, ServerConnectionFactory connections) {
        this.registry = registry;
        this.transport = transport;
        this.connections = connections == null ? new SessionConnectionFactory() : connections;
    }

    @Override
    public void init() throws ServletException {
        try {
            if (transport == null) transport = TransportChoice.parse(getInitParameter(TRANSPORT_PARAM));
            settings = DeploymentSettings.from(SettingSources.of(getServletConfig()));
            served.clear();
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
        Set<String> unknown = SettingSources.unknownNames(getServletConfig());
        if (!unknown.isEmpty()) {
            LOG.warning(() -> "Unknown Tether settings ignored: " + unknown + "; known: " + DeploymentSettings.NAMES);
        }
        if (!settings.applied().isEmpty()) {
            LOG.info(() -> "WebSocket settings of servlet " + getServletName() + ": " + String.join(", ", settings.applied()));
        }
    }

    /** The settings in force: Tether's defaults with what the deployment set (init-params, system properties). */
    public DeploymentSettings settings() {
        return settings;
    }

    /** How many WebSocket connections this servlet has open. */
    public int openConnections() {
        return live.size();
    }

    /**
     * Closes every open connection with {@code code}, waits up to {@code wait} for the closing handshakes,
     * and drops the connections that did not finish.
     *
     * @return how many connections had to be dropped
     */
    public int closeAll(int code, String reason, Duration wait) {
        return live.closeAll(code, reason, wait);
    }

    @Override
    public void destroy() {
        AutoCloseable hook = jettyStopHook.getAndSet(NO_HOOK);
        if (hook != null) {
            try {
                hook.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "removing the Jetty stop hook failed", e);
            }
        }
        goingAway();
        super.destroy();
    }

    private void goingAway() {
        int dropped = live.closeAll(CloseCodes.GOING_AWAY, "server shutting down", SHUTDOWN_WAIT);
        if (dropped > 0) LOG.info(() -> dropped + " WebSocket connections dropped at shutdown");
    }

    private static final AutoCloseable NO_HOOK = () -> { };

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        EndpointRegistry endpoints = registry();
        if (endpoints == null) {
            plain(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "No WebSocket endpoints are configured.");
            return;
        }
        String path = pathWithinApplication(request);
        Optional<Endpoint> found = endpoints.find(path);
        if (found.isEmpty()) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "No WebSocket endpoint at " + path);
            return;
        }
        Endpoint endpoint = served.computeIfAbsent(found.get(), settings::applyTo);
        if (!HeaderTokens.contains(Collections.list(request.getHeaders("Upgrade")), "websocket")) {
            refuseNonUpgrade(request, response);
            return;
        }
        HandshakeResponse answer = ServerHandshake.evaluate(new ServletHandshakeRequest(request),
                endpoint.subprotocols(), endpoint.origins());
        if (!answer.accepted()) {
            for (Map.Entry<String, String> h : answer.headers().entrySet()) response.setHeader(h.getKey(), h.getValue());
            plain(response, answer.status(), answer.body());
            return;
        }
        accept(request, response, endpoint, path, answer);
    }

    private void accept(HttpServletRequest request, HttpServletResponse response, Endpoint endpoint, String path,
                        HandshakeResponse answer) throws IOException, ServletException {
        HandshakeInfo info = ServletHandshakeInfo.of(request, path, answer.subprotocol());
        int limit = settings.maxConnections();
        ServerConnection connection = live.track(connections.open(endpoint, info), limit);
        if (connection == null) {
            refuseForCapacity(response, limit);
            return;
        }
        // Every header is set here: Tomcat's upgrade() sets only the status.
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        for (Map.Entry<String, String> h : answer.headers().entrySet()) response.setHeader(h.getKey(), h.getValue());
        try {
            if (ConnectionTakeover.take(request, connection, transport) && jettyStopHook.get() == null) {
                installJettyStopHook(request);
            }
        } catch (IOException | ServletException | RuntimeException e) {
            live.forget(connection);
            LOG.log(Level.WARNING, "could not take over the connection for " + path, e);
            if (!response.isCommitted()) {
                response.reset();
                plain(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "WebSocket upgrade failed.");
                return;
            }
            throw e;
        }
    }

    private void installJettyStopHook(HttpServletRequest request) {
        if (!jettyStopHook.compareAndSet(null, NO_HOOK)) return;
        try {
            AutoCloseable hook = ConnectionTakeover.beforeJettyStops(request, this::goingAway);
            if (!jettyStopHook.compareAndSet(NO_HOOK, hook)) hook.close(); // destroyed meanwhile
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "cannot watch Jetty's shutdown; connections will not get 1001", e);
        }
    }

    /** The connection limit is reached: 503 before any upgrade, and the TCP connection is let go. */
    private void refuseForCapacity(HttpServletResponse response, int limit) throws IOException {
        long now = System.nanoTime();
        long last = limitLogged.get();
        if (now - last >= LIMIT_LOG_INTERVAL_NANOS && limitLogged.compareAndSet(last, now)) {
            LOG.warning(() -> "servlet " + getServletName() + " has " + limit + " WebSocket connections open ("
                    + DeploymentSettings.MAX_CONNECTIONS + "): refusing further handshakes with 503 (logged once a minute)");
        }
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Connection", "close");
        plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                "Too many WebSocket connections are open: try again later.");
    }

    private static void refuseNonUpgrade(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("GET".equals(request.getMethod())) {
            response.setHeader("Upgrade", "websocket");
            plain(response, 426, "This is a WebSocket endpoint: connect with a WebSocket client (ws:// or wss://).");
        } else {
            response.setHeader("Allow", "GET");
            plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "This is a WebSocket endpoint: only GET with Upgrade: websocket is served.");
        }
    }

    private EndpointRegistry registry() {
        EndpointRegistry r = registry;
        if (r != null) return r;
        Object attribute = getServletContext().getAttribute(EndpointRegistry.ATTRIBUTE);
        if (attribute instanceof EndpointRegistry) {
            registry = (EndpointRegistry) attribute;
            return registry;
        }
        if (missingRegistryReported.compareAndSet(false, true)) {
            LOG.severe("TetherServlet has no EndpointRegistry: pass one to its constructor or set the servlet"
                    + " context attribute " + EndpointRegistry.ATTRIBUTE);
        }
        return null;
    }

    /** The path the endpoints are registered under: the request path within the application. */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    private static void plain(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
