package dev.tether.examples;

import dev.tether.WebSocket;
import dev.tether.WebSocketHandler;
import dev.tether.cdi.WebSocketEndpoint;

/** The echo demo at {@code /ws-echo}: every message, text or binary, comes back as it was sent. */
@WebSocketEndpoint("/ws-echo")
public class EchoHandler implements WebSocketHandler {

    @Override
    public void handle(WebSocket webSocket) throws Exception {
        webSocket.runWith(webSocket::sendMessage);
    }
}
