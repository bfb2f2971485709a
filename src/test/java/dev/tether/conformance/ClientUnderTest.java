package dev.tether.conformance;

import dev.tether.WebSocket;
import dev.tether.client.WebSocketClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Tether's client, connecting to the suite's scripted server and echoing every message it receives
 * ({@code ws.runWith(ws::sendMessage)}), on a thread of its own. What {@code connect} or {@code runWith}
 * ended with is the case's application outcome.
 */
final class ClientUnderTest {

    private final CompletableFuture<ApiOutcome> outcome = new CompletableFuture<>();
    private final Thread thread;
    private volatile WebSocket webSocket;

    private ClientUnderTest(EndpointKind endpoint, int port) {
        URI uri = URI.create("ws://127.0.0.1:" + port + endpoint.path());
        WebSocketClient client = WebSocketClient.builder()
                .config(endpoint.config())
                .connectTimeout(Duration.ofSeconds(10))
                .handshakeTimeout(Duration.ofSeconds(10))
                .build();
        this.thread = new Thread(() -> run(client, uri), "conformance-client");
        this.thread.setDaemon(true);
    }

    static ClientUnderTest start(EndpointKind endpoint, int port) {
        ClientUnderTest c = new ClientUnderTest(endpoint, port);
        c.thread.start();
        return c;
    }

    private void run(WebSocketClient client, URI uri) {
        WebSocket ws;
        try {
            ws = client.connect(uri);
        } catch (Throwable e) {
            outcome.complete(ApiOutcome.thrown(e));
            return;
        }
        webSocket = ws;
        try {
            ws.runWith(ws::sendMessage);
            outcome.complete(ApiOutcome.returned(ws.closeStatus()));
        } catch (Throwable e) {
            outcome.complete(ApiOutcome.thrown(e));
        }
    }

    CompletableFuture<ApiOutcome> outcome() {
        return outcome;
    }

    /** Ends the client's connection if a failed case left it open, and waits for its thread. */
    void stop() throws InterruptedException {
        WebSocket ws = webSocket;
        if (ws != null && ws.isConnected()) ws.close();
        thread.join(10_000);
    }
}
