package dev.tether.cdi.testapp;

import dev.tether.WebSocket;
import dev.tether.WebSocketHandler;
import dev.tether.cdi.WebSocketEndpoint;

/** Found by annotation alone: no other registration anywhere. */
@WebSocketEndpoint("/cdi-test/echo")
public class EchoTestHandler implements WebSocketHandler {
    @Override
    public void handle(WebSocket webSocket) throws Exception {
        webSocket.runWith(webSocket::sendMessage);
    }
}
