package dev.tether.cdi;

import dev.tether.WebSocketHandler;

/**
 * A handler obtained for one connection. Closing it releases what the container created for it (a
 * {@code @Dependent} bean and its dependents are destroyed; a shared bean is left alone).
 */
interface HandlerInstance extends AutoCloseable {

    WebSocketHandler handler();

    @Override
    void close();
}
