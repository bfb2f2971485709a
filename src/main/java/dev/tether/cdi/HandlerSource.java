package dev.tether.cdi;

import dev.tether.WebSocketHandler;

/** Where handler instances come from: the CDI container, or plain construction where there is none. */
interface HandlerSource {

    /** A handler for one connection. */
    HandlerInstance create(Class<? extends WebSocketHandler> type) throws Exception;

    /** Why {@code type} cannot be created here, or null when it can. Checked once, at startup. */
    String problemWith(Class<? extends WebSocketHandler> type);
}
