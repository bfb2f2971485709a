package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Options;
import dev.tether.testing.JdkClient;
import dev.tether.testing.RawWebSocket;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** wss:// end to end: TLS terminated by the container, the WebSocket over it. */
class WssTest extends EndToEndTest {

    @Override
    Options options() {
        return Options.TLS;
    }

    @Override
    void register(EndpointRegistry registry) {
        registry.register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage)));
        registry.register(Endpoint.of("/close-4001", ws -> ws.close(4001, "over TLS")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void echoesTextAndBinaryOverTls(EmbeddedContainer container) throws Exception {
        assertEquals("wss", container.uri("/echo").getScheme());
        byte[] bytes = new byte[3 << 20];
        new Random(1).nextBytes(bytes);
        try (JdkClient client = JdkClient.connect(container, "/echo")) {
            client.sendText("secure ✓");
            assertEquals("secure ✓", client.nextText());
            client.sendBinary(bytes);
            assertArrayEquals(bytes, client.nextBinary());
            client.sendClose(1000, "");
            assertEquals(1000, client.awaitClose().code());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void closeCodesTravelOverTls(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/close-4001")) {
            JdkClient.Close close = client.awaitClose();
            assertEquals(4001, close.code());
            assertEquals("over TLS", close.reason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void rawFramesOverTls(EmbeddedContainer container) throws Exception {
        try (RawWebSocket client = RawWebSocket.open(container, "/echo")) {
            assertEquals(101, client.handshake().status());
            client.sendText("raw over TLS");
            assertEquals("raw over TLS", client.read().text());
            client.sendClose(1000, "");
            assertEquals(1000, client.read().closeCode());
        }
    }
}
