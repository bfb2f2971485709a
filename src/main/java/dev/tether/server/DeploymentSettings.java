package dev.tether.server;

import dev.tether.WebSocketConfig;
import dev.tether.protocol.handshake.OriginPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The settings a deployment gives all the endpoints of a {@code TetherServlet} without rebuilding the
 * application, under one naming scheme, {@code tether.<setting>}: servlet init-params, servlet-context
 * init-params (web.xml {@code <context-param>}, or a Tomcat context file outside the WAR) and system
 * properties of the server's JVM ({@code CATALINA_OPTS}, Jetty's {@code start.d}, WildFly's
 * {@code standalone.xml}).
 *
 * <p>Precedence, first found wins: what an endpoint sets itself (its {@link WebSocketConfig} in code, the
 * attributes of {@code @WebSocketEndpoint}), then the sources in the order given (the servlet passes its
 * init-params, then context-params, then system properties), then Tether's built-in defaults. An init-param
 * changes one application; a system property every application of the server that does not say otherwise.
 *
 * <p>Formats: durations in seconds ({@code 30}, {@code 0.5}) or ISO-8601 ({@code PT10M}); sizes in bytes with
 * an optional {@code KiB} or {@code MiB} ({@code 64KiB}); origins as a comma-separated list, {@code *} for any.
 * An invalid value fails the deployment, naming the setting, its value and where it came from.
 */
public final class DeploymentSettings {

    public static final String PREFIX = "tether.";
    public static final String MAX_FRAME_SIZE = PREFIX + "maxFrameSize";
    public static final String MAX_MESSAGE_SIZE = PREFIX + "maxMessageSize";
    public static final String MAX_INBOUND_BUFFER_BYTES = PREFIX + "maxInboundBufferBytes";
    public static final String MAX_OUTBOUND_BUFFER_BYTES = PREFIX + "maxOutboundBufferBytes";
    public static final String READ_TIMEOUT = PREFIX + "readTimeout";
    public static final String WRITE_TIMEOUT = PREFIX + "writeTimeout";
    public static final String CLOSE_TIMEOUT = PREFIX + "closeTimeout";
    public static final String PING_INTERVAL = PREFIX + "pingInterval";
    public static final String PONG_TIMEOUT = PREFIX + "pongTimeout";
    public static final String IDLE_TIMEOUT = PREFIX + "idleTimeout";
    public static final String MAX_CONNECTIONS = PREFIX + "maxConnections";
    public static final String ALLOWED_ORIGINS = PREFIX + "allowedOrigins";

    /** Every setting this class reads. */
    public static final Set<String> NAMES = Set.of(MAX_FRAME_SIZE, MAX_MESSAGE_SIZE, MAX_INBOUND_BUFFER_BYTES, MAX_OUTBOUND_BUFFER_BYTES,
            READ_TIMEOUT, WRITE_TIMEOUT, CLOSE_TIMEOUT, PING_INTERVAL, PONG_TIMEOUT, IDLE_TIMEOUT, MAX_CONNECTIONS,
            ALLOWED_ORIGINS);

    /**
     * How many WebSocket connections one {@code TetherServlet} keeps open at most; more handshakes get 503.
     * Ten thousand: far more than one server instance usually serves, low enough that a flood of connections
     * is refused before it exhausts file descriptors (often 65,536 per process) and, on JDK 17, one platform
     * thread per connection.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    /** One place settings are looked up by name ({@code values} answers null or blank when not set there). */
    public record Source(String description, UnaryOperator<String> values) {
        public Source {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(values, "values");
        }
    }

    private static final DeploymentSettings DEFAULTS =
            new DeploymentSettings(WebSocketConfig.defaults(), DEFAULT_MAX_CONNECTIONS, null, Map.of());

    private final WebSocketConfig config;
    private final int maxConnections;
    /** The deployment's origin policy, or null when it set none (endpoints keep theirs). */
    private final OriginPolicy origins;
    /** What the deployment set, "name=value (source)" by name, for the log. */
    private final Map<String, String> applied;

    private DeploymentSettings(WebSocketConfig config, int maxConnections, OriginPolicy origins, Map<String, String> applied) {
        this.config = config;
        this.maxConnections = maxConnections;
        this.origins = origins;
        this.applied = applied;
    }

    /** Tether's built-in defaults: what applies when the deployment sets nothing. */
    public static DeploymentSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Reads every setting from {@code sources}, most important first.
     *
     * @throws IllegalArgumentException naming every invalid setting at once
     */
    public static DeploymentSettings from(List<Source> sources) {
        Reader r = new Reader(sources);
        WebSocketConfig.Builder b = WebSocketConfig.defaults().toBuilder();
        r.read(MAX_FRAME_SIZE, v -> b.maxFrameSize(SettingValues.size(MAX_FRAME_SIZE, v)));
        r.read(MAX_MESSAGE_SIZE, v -> b.maxMessageSize(SettingValues.size(MAX_MESSAGE_SIZE, v)));
        r.read(MAX_INBOUND_BUFFER_BYTES, v -> b.maxInboundBufferBytes(SettingValues.size(MAX_INBOUND_BUFFER_BYTES, v)));
        r.read(MAX_OUTBOUND_BUFFER_BYTES, v -> b.maxOutboundBufferBytes(SettingValues.size(MAX_OUTBOUND_BUFFER_BYTES, v)));
        r.read(READ_TIMEOUT, v -> b.readTimeout(SettingValues.duration(READ_TIMEOUT, v, true)));
        r.read(WRITE_TIMEOUT, v -> b.writeTimeout(SettingValues.duration(WRITE_TIMEOUT, v, false)));
        r.read(CLOSE_TIMEOUT, v -> b.closeTimeout(SettingValues.duration(CLOSE_TIMEOUT, v, false)));
        r.read(PING_INTERVAL, v -> b.pingInterval(SettingValues.duration(PING_INTERVAL, v, true)));
        r.read(PONG_TIMEOUT, v -> b.pongTimeout(SettingValues.duration(PONG_TIMEOUT, v, false)));
        r.read(IDLE_TIMEOUT, v -> b.idleTimeout(SettingValues.duration(IDLE_TIMEOUT, v, true)));
        int[] maxConnections = {DEFAULT_MAX_CONNECTIONS};
        r.read(MAX_CONNECTIONS, v -> maxConnections[0] = SettingValues.count(MAX_CONNECTIONS, v));
        OriginPolicy[] origins = {null};
        r.read(ALLOWED_ORIGINS, v -> origins[0] = SettingValues.origins(ALLOWED_ORIGINS, v));
        r.failIfInvalid();
        if (r.applied.isEmpty()) return DEFAULTS;
        return new DeploymentSettings(b.build(), maxConnections[0], origins[0], Map.copyOf(r.applied));
    }

    /**
     * The names among {@code names} that look like Tether settings but are none (a typo such as
     * {@code tether.pingIntervall}), sorted. Names with a further dot ({@code tether.demo.port}) belong to
     * someone else and are left alone.
     */
    public static Set<String> unknown(Iterable<String> names) {
        Set<String> unknown = new TreeSet<>();
        for (String name : names) {
            if (name.startsWith(PREFIX) && name.indexOf('.', PREFIX.length()) < 0 && !NAMES.contains(name)) unknown.add(name);
        }
        return unknown;
    }

    /** The defaults for endpoints' connections: Tether's, with what the deployment set. */
    public WebSocketConfig config() {
        return config;
    }

    /** The most WebSocket connections a servlet keeps open at once. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The settings the deployment set, {@code name=value (source)} each, for the log; empty when none. */
    public List<String> applied() {
        return new ArrayList<>(applied.values());
    }

    /**
     * The endpoint as it is served in this deployment: the values its configuration set itself, the
     * deployment's for the rest; the deployment's allowed origins when the endpoint keeps the built-in
     * same-origin policy.
     */
    public Endpoint applyTo(Endpoint endpoint) {
        WebSocketConfig effective = endpoint.config().withDefaults(config);
        OriginPolicy policy = origins != null && endpoint.origins() == OriginPolicy.sameOrigin() ? origins : endpoint.origins();
        if (effective == endpoint.config() && policy == endpoint.origins()) return endpoint;
        return new Endpoint(endpoint.path(), endpoint.handler(), effective, endpoint.subprotocols(), policy);
    }

    @Override
    public String toString() {
        return "DeploymentSettings" + applied.values();
    }

    /** Looks each setting up in the sources in turn, and collects what is wrong instead of stopping at it. */
    private static final class Reader {
        final List<Source> sources;
        final Map<String, String> applied = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();

        Reader(List<Source> sources) {
            this.sources = List.copyOf(sources);
        }

        void read(String name, Consumer<String> apply) {
            for (Source source : sources) {
                String value = source.values().apply(name);
                if (value == null || value.isBlank()) continue;
                try {
                    apply.accept(value);
                    applied.put(name, name + "=" + value.trim() + " (" + source.description() + ")");
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage() + " (" + source.description() + ")");
                }
                return;
            }
        }

        void failIfInvalid() {
            if (problems.isEmpty()) return;
            if (problems.size() == 1) throw new IllegalArgumentException("Invalid Tether setting: " + problems.get(0));
            throw new IllegalArgumentException("Invalid Tether settings:\n  - " + String.join("\n  - ", problems));
        }
    }
}
