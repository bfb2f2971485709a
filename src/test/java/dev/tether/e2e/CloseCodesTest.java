package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tether.CloseStatus;
import dev.tether.WebSocketClosedException;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.JdkClient;
import dev.tether.testing.RawWebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Close codes and reasons in both directions, and how a handler's end closes the connection. */
class CloseCodesTest extends EndToEndTest {

    private final BlockingQueue<Object> seenByHandler = new LinkedBlockingQueue<>();

    @Override
    void register(EndpointRegistry registry) {
        registry.register(Endpoint.of("/record", ws -> {
            try {
                while (true) ws.readMessage();
            } catch (WebSocketClosedException e) {
                seenByHandler.add(e.status());
                seenByHandler.add(ws.closeStatus());
            }
        }));
        registry.register(Endpoint.of("/close-4001", ws -> ws.close(4001, "handler says bye")));
        registry.register(Endpoint.of("/returns", ws -> ws.sendMessage("returning")));
        registry.register(Endpoint.of("/throws", ws -> {
            ws.sendMessage("throwing");
            throw new IllegalStateException("handler bug (expected by the test)");
        }));
    }

    @BeforeEach
    void clear() {
        seenByHandler.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void clientCloses1000AndTheHandlerSeesIt(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/record")) {
            client.sendClose(1000, "");
            assertEquals(1000, client.awaitClose().code());
            assertEquals(new CloseStatus(1000, ""), seenByHandler.poll(10, TimeUnit.SECONDS));
            assertEquals(new CloseStatus(1000, ""), seenByHandler.poll(10, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void clientCloses4000WithAReasonAndTheHandlerSeesBoth(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/record")) {
            client.sendClose(4000, "client is done ✓");
            JdkClient.Close echoed = client.awaitClose();
            assertEquals(4000, echoed.code());
            assertEquals(new CloseStatus(4000, "client is done ✓"), seenByHandler.poll(10, TimeUnit.SECONDS));
            // The handler records its exception's status and then closeStatus(): take both, so nothing is left
            // behind for the next test.
            assertEquals(new CloseStatus(4000, "client is done ✓"), seenByHandler.poll(10, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void theServerClosesTcpAfterTheClosingHandshake(EmbeddedContainer container) throws Exception {
        try (RawWebSocket client = RawWebSocket.open(container, "/record")) {
            client.sendClose(4002, "raw");
            RawWebSocket.Frame close = client.read();
            assertEquals(0x8, close.opcode());
            assertEquals(4002, close.closeCode());
            client.socket().setSoTimeout(10_000);
            assertEquals(-1, client.socket().getInputStream().read(), "server closed TCP");
            assertEquals(new CloseStatus(4002, "raw"), seenByHandler.poll(10, TimeUnit.SECONDS));
            assertEquals(new CloseStatus(4002, "raw"), seenByHandler.poll(10, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void handlerCloses4001AndTheClientSeesIt(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/close-4001")) {
            JdkClient.Close close = client.awaitClose();
            assertEquals(4001, close.code());
            assertEquals("handler says bye", close.reason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void handlerReturnsAndTheConnectionClosesWith1000(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/returns")) {
            assertEquals("returning", client.nextText());
            assertEquals(1000, client.awaitClose().code());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void handlerThrowsAndTheConnectionClosesWith1011(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/throws")) {
            assertEquals("throwing", client.nextText());
            JdkClient.Close close = client.awaitClose();
            assertNotNull(close);
            assertEquals(1011, close.code());
        }
    }
}
