package dev.tether.cdi;

import dev.tether.WebSocketConfig;
import dev.tether.WebSocketHandler;
import dev.tether.protocol.handshake.OriginPolicy;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link WebSocketEndpoint} annotation declares: a path, the handler class that owns it, its
 * subprotocols, and the connection settings it sets itself.
 *
 * @param config the settings the annotation fills in (the rest come from the deployment);
 *     {@link WebSocketConfig#defaults()} when it sets none
 * @param origins the annotation's origin policy, or null when it names no origins
 */
public record AnnotatedEndpoint(String path, Class<? extends WebSocketHandler> handlerClass, List<String> subprotocols,
                                WebSocketConfig config, OriginPolicy origins) {

    public AnnotatedEndpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handlerClass, "handlerClass");
        subprotocols = List.copyOf(subprotocols);
        config = config == null ? WebSocketConfig.defaults() : config;
    }

    /** An endpoint that sets no connection settings of its own. */
    public AnnotatedEndpoint(String path, Class<? extends WebSocketHandler> handlerClass, List<String> subprotocols) {
        this(path, handlerClass, subprotocols, null, null);
    }
}
