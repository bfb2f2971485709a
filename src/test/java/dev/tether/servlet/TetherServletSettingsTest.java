package dev.tether.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.WebSocketConfig;
import dev.tether.server.DeploymentSettings;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.EmbeddedContainer.Options;
import dev.tether.testing.JdkClient;
import dev.tether.testing.RawWebSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tether.* settings as a deployment gives them, on both containers: servlet init-param over
 * context-param over system property, and what an endpoint sets itself over all of them. Observed through
 * maxMessageSize (a message over it is closed with 1009) and allowedOrigins (403).
 */
class TetherServletSettingsTest {

    private static final String SIZE = DeploymentSettings.MAX_MESSAGE_SIZE;
    private static final String MESSAGE = "x".repeat(1536);

    private EmbeddedContainer container;

    @AfterEach
    void stop() {
        System.clearProperty(SIZE);
        if (container != null) container.stop();
    }

    private void start(Kind kind, Map<String, String> initParams, Map<String, String> contextParams) {
        WebSocketConfig own = WebSocketConfig.builder().maxMessageSize(8 * WebSocketConfig.KIB).build();
        EndpointRegistry registry = new EndpointRegistry()
                .register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage)))
                .register(new Endpoint("/own", ws -> ws.runWith(ws::sendMessage), own, List.of(), null));
        container = kind.start(new TetherServlet(registry), Options.params(initParams, contextParams));
    }

    private int closeCodeFor(String path) throws Exception {
        JdkClient client = JdkClient.connect(container, path);
        try {
            client.sendText(MESSAGE);
            return client.awaitClose().code();
        } finally {
            client.close();
        }
    }

    private void assertEchoed(String path) throws Exception {
        try (JdkClient client = JdkClient.connect(container, path)) {
            client.sendText(MESSAGE);
            assertEquals(MESSAGE, client.nextText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aContextParamSetsTheLimitOfEveryEndpointThatSetsNoneItself(Kind kind) throws Exception {
        start(kind, Map.of(), Map.of(SIZE, "1KiB"));
        assertEquals(1009, closeCodeFor("/echo"));
        assertEchoed("/own");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aServletInitParamWinsOverAContextParam(Kind kind) throws Exception {
        start(kind, Map.of(SIZE, "2KiB"), Map.of(SIZE, "1KiB"));
        assertEchoed("/echo");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aSystemPropertyAppliesWhereNothingElseSaysOtherwise(Kind kind) throws Exception {
        System.setProperty(SIZE, "1KiB");
        start(kind, Map.of(), Map.of());
        assertEquals(1009, closeCodeFor("/echo"));
        container.stop();
        start(kind, Map.of(), Map.of(SIZE, "2KiB"));
        assertEchoed("/echo");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void allowedOriginsFromAContextParam(Kind kind) throws Exception {
        start(kind, Map.of(), Map.of(DeploymentSettings.ALLOWED_ORIGINS, "https://app.example.com"));
        assertEquals(101, handshakeWithOrigin("https://app.example.com"));
        assertEquals(403, handshakeWithOrigin("https://elsewhere.example.com"));
    }

    private int handshakeWithOrigin(String origin) throws Exception {
        RawWebSocket.Response r = RawWebSocket.request(container, "GET /echo HTTP/1.1\r\nHost: 127.0.0.1:" + container.port()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nOrigin: " + origin + "\r\nSec-WebSocket-Key: "
                + RawWebSocket.newKey() + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
        return r.status();
    }
}
