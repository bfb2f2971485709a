package dev.tether.server;

import dev.tether.WebSocketConfig;
import dev.tether.WebSocketHandler;
import dev.tether.protocol.handshake.OriginPolicy;
import java.util.List;
import java.util.Objects;

/**
 * One served path: the handler that owns each connection on it, and the connection's limits.
 *
 * <p>The values {@code config} sets on its builder are this endpoint's own; the others come from the
 * deployment ({@link DeploymentSettings}: {@code tether.*} init-params, context-params, system properties)
 * or else Tether's defaults. Likewise the default same-origin policy gives way to the deployment's
 * {@code tether.allowedOrigins}; a policy set here does not.
 *
 * @param path an exact path such as {@code /ws-echo}, or a prefix ending in {@code /*}; {@code /*} serves every path
 * @param subprotocols the subprotocols this endpoint speaks (may be empty); the first of the client's offers
 *     that is among them is chosen, so the client's order decides
 */
public record Endpoint(String path, WebSocketHandler handler, WebSocketConfig config, List<String> subprotocols,
                       OriginPolicy origins) {

    public Endpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with '/': " + path);
        config = config == null ? WebSocketConfig.defaults() : config;
        subprotocols = subprotocols == null ? List.of() : List.copyOf(subprotocols);
        origins = origins == null ? OriginPolicy.sameOrigin() : origins;
    }

    /** An endpoint with default limits, no subprotocol and the same-origin policy. */
    public static Endpoint of(String path, WebSocketHandler handler) {
        return new Endpoint(path, handler, null, null, null);
    }

    /** Whether this endpoint serves a request path. */
    public boolean matches(String requestPath) {
        if (path.endsWith("/*")) {
            String prefix = path.substring(0, path.length() - 1);
            return requestPath.startsWith(prefix) || requestPath.equals(prefix.substring(0, prefix.length() - 1));
        }
        return path.equals(requestPath);
    }
}
