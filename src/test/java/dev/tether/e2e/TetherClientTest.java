package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.Message;
import dev.tether.WebSocket;
import dev.tether.WebSocketClosedException;
import dev.tether.client.WebSocketClient;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.EmbeddedContainer.Options;
import dev.tether.testing.TestTls;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tether's own client against Tether's server on both containers, over ws and wss. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TetherClientTest {

    private final List<EmbeddedContainer> containers = new ArrayList<>();

    @BeforeAll
    void start() {
        for (Kind kind : Kind.values()) {
            for (Options options : new Options[] {Options.DEFAULTS, Options.TLS}) {
                EndpointRegistry registry = new EndpointRegistry();
                registry.register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage)));
                registry.register(Endpoint.of("/close-4001", ws -> ws.close(4001, "handler says bye")));
                containers.add(kind.start(new dev.tether.servlet.TetherServlet(registry), options));
            }
        }
    }

    @AfterAll
    void stop() {
        containers.forEach(EmbeddedContainer::stop);
    }

    Stream<EmbeddedContainer> containers() {
        return containers.stream();
    }

    private static WebSocket connect(EmbeddedContainer c, String path) throws Exception {
        WebSocketClient.Builder client = WebSocketClient.builder();
        if (c.secure()) client.sslContext(TestTls.clientContext());
        return client.build().connect(c.uri(path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void echoesTextAndBinary(EmbeddedContainer c) throws Exception {
        byte[] bytes = new byte[1 << 20];
        new Random(7).nextBytes(bytes);
        try (WebSocket ws = connect(c, "/echo")) {
            ws.sendMessage("hello from Tether's client ✓");
            assertEquals(Message.text("hello from Tether's client ✓"), ws.readMessage());
            ws.sendMessage(bytes);
            assertArrayEquals(bytes, ws.readMessage().bytes());
            ws.sendTextFrames(List.of("frag", "mented"));
            assertEquals("fragmented", ws.readMessage().text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void seesTheHandlersCloseCode(EmbeddedContainer c) throws Exception {
        try (WebSocket ws = connect(c, "/close-4001")) {
            WebSocketClosedException closed = assertThrows(WebSocketClosedException.class, ws::readMessage);
            assertEquals(4001, closed.code());
            assertEquals("handler says bye", closed.reason());
        }
    }
}
