package dev.tether.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tether.WebSocketConfig;
import dev.tether.protocol.handshake.OriginPolicy;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.server.SessionConnectionFactory;
import dev.tether.session.HandshakeInfo;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.JdkClient;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every connection keeps for as long as it is open, and is the same for all of them, is shared rather
 * than made per handshake: the endpoint as served (with its configuration), and the common handshake header
 * names and values.
 */
class TetherServletSharedHandshakeStateTest {

    private record Opened(Endpoint endpoint, HandshakeInfo handshake) {
    }

    private final LinkedBlockingQueue<Opened> opened = new LinkedBlockingQueue<>();
    private EmbeddedContainer container;

    @AfterEach
    void stop() {
        if (container != null) container.stop();
    }

    private void start(Kind kind) {
        // A configuration of its own: the deployment's defaults are merged into it for serving.
        WebSocketConfig own = WebSocketConfig.defaults().toBuilder().maxMessageSize(1024 * 1024).build();
        Endpoint echo = new Endpoint("/echo", ws -> ws.runWith(ws::sendMessage), own, List.of(), OriginPolicy.any());
        SessionConnectionFactory sessions = new SessionConnectionFactory();
        container = kind.start(new TetherServlet(new EndpointRegistry().register(echo), null, (endpoint, handshake) -> {
            opened.add(new Opened(endpoint, handshake));
            return sessions.open(endpoint, handshake);
        }));
    }

    private Opened connect() throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/echo")) {
            client.sendText("hello");
            assertEquals("hello", client.nextText());
        }
        return opened.poll(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void connectionsToOneEndpointShareItsServedConfiguration(Kind kind) throws Exception {
        start(kind);
        Opened first = connect();
        Opened second = connect();
        assertEquals(1024 * 1024, first.endpoint().config().maxMessageSize());
        assertSame(first.endpoint(), second.endpoint());
        assertSame(first.endpoint().config(), second.endpoint().config());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void connectionsShareTheCommonHeaderNamesAndValues(Kind kind) throws Exception {
        start(kind);
        HandshakeInfo first = connect().handshake();
        HandshakeInfo second = connect().handshake();
        assertEquals("13", first.header("sec-websocket-version"));
        assertSame(first.headers().get("sec-websocket-version"), second.headers().get("sec-websocket-version"));
        assertSame(key(first, "sec-websocket-version"), key(second, "sec-websocket-version"));
    }

    private static String key(HandshakeInfo info, String name) {
        return info.headers().keySet().stream().filter(name::equals).findFirst().orElseThrow();
    }
}
