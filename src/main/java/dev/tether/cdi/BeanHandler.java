package dev.tether.cdi;

import dev.tether.WebSocket;
import dev.tether.WebSocketHandler;

/**
 * Stands in the endpoint registry for an annotated handler class: each connection gets its own handler
 * instance from CDI, released when the connection ends.
 *
 * <p>The handler runs with the application's class loader as its context class loader, whatever thread
 * Tether runs it on: CDI lookups and service loading (JSON-P finding its provider, for one) depend on it.
 */
final class BeanHandler implements WebSocketHandler {

    private final Class<? extends WebSocketHandler> type;
    private final ClassLoader applicationLoader;

    BeanHandler(Class<? extends WebSocketHandler> type, ClassLoader applicationLoader) {
        this.type = type;
        this.applicationLoader = applicationLoader;
    }

    @Override
    public void handle(WebSocket webSocket) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (applicationLoader != null) thread.setContextClassLoader(applicationLoader);
        try (HandlerInstance instance = HandlerSources.current().create(type)) {
            instance.handler().handle(webSocket);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return type.getName();
    }
}
