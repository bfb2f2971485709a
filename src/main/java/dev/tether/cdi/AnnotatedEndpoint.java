package dev.tether.cdi;

import dev.tether.WebSocketHandler;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link WebSocketEndpoint} annotation declares: a path, the handler class that owns it, and
 * its subprotocols.
 */
public record AnnotatedEndpoint(String path, Class<? extends WebSocketHandler> handlerClass, List<String> subprotocols) {

    public AnnotatedEndpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handlerClass, "handlerClass");
        subprotocols = List.copyOf(subprotocols);
    }
}
