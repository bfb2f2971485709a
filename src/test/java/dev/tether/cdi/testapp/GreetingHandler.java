package dev.tether.cdi.testapp;

import dev.tether.WebSocket;
import dev.tether.WebSocketHandler;
import dev.tether.cdi.WebSocketEndpoint;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler with an injected service, speaking a subprotocol, that counts its own life cycle. */
@WebSocketEndpoint(value = "/cdi-test/greeting", subprotocols = {"greeting.v2", "greeting.v1"})
public class GreetingHandler implements WebSocketHandler {

    public static final AtomicInteger CREATED = new AtomicInteger();
    public static final AtomicInteger DESTROYED = new AtomicInteger();

    @Inject
    Greeter greeter;

    @PostConstruct
    void created() {
        CREATED.incrementAndGet();
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }

    @Override
    public void handle(WebSocket webSocket) throws Exception {
        webSocket.runWith(message -> webSocket.sendMessage(greeter.greet(message.text()) + " via " + webSocket.subprotocol()));
    }
}
