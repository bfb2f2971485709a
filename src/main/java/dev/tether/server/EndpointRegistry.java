package dev.tether.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The endpoints of one application, by path. Exact paths win over prefixes, longer prefixes over
 * shorter ones. Registering a path twice is an error: two handlers cannot own one path.
 */
public final class EndpointRegistry {

    /** The servlet context attribute under which the application's registry is kept. */
    public static final String ATTRIBUTE = EndpointRegistry.class.getName();

    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();

    /** Adds an endpoint; throws {@link IllegalStateException} when its path is already served. */
    public synchronized EndpointRegistry register(Endpoint endpoint) {
        for (Endpoint existing : endpoints) {
            if (existing.path().equals(endpoint.path())) {
                throw new IllegalStateException("two WebSocket handlers for path " + endpoint.path() + ": "
                        + describe(existing) + " and " + describe(endpoint));
            }
        }
        endpoints.add(endpoint);
        return this;
    }

    /** The endpoint serving a request path, if any. */
    public Optional<Endpoint> find(String requestPath) {
        return endpoints.stream()
                .filter(e -> e.matches(requestPath))
                .max(Comparator.comparingInt(EndpointRegistry::specificity));
    }

    public List<Endpoint> endpoints() {
        return new ArrayList<>(endpoints);
    }

    private static int specificity(Endpoint e) {
        return e.path().endsWith("/*") ? e.path().length() : Integer.MAX_VALUE;
    }

    private static String describe(Endpoint e) {
        return e.handler().getClass().getName();
    }
}
