package dev.tether;

/**
 * Owns one server-side connection for as long as it lasts (Zinc's {@code value: webSocket}).
 *
 * <p>Runs on a thread of its own: a virtual thread on JDK 21+, a platform thread on 17. When it
 * returns, the connection is closed normally (1000); when it throws, it is closed with 1011 and the
 * exception is logged. An echo: {@code ws -> ws.runWith(ws::sendMessage)}.
 */
@FunctionalInterface
public interface WebSocketHandler {
    void handle(WebSocket webSocket) throws Exception;
}
