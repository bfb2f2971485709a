package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketClosedException;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.RawWebSocket;
import dev.tether.testing.ThreadCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clients that vanish without a close frame: the handler blocked in readMessage() learns within
 * seconds that the connection is closed (1006), and no thread stays behind.
 */
class AbruptDisconnectTest extends EndToEndTest {

    private final BlockingQueue<Object> handlerEnds = new LinkedBlockingQueue<>();

    @Override
    void register(EndpointRegistry registry) {
        registry.register(Endpoint.of("/record", ws -> {
            try {
                while (true) ws.sendMessage(ws.readMessage());
            } catch (WebSocketClosedException e) {
                handlerEnds.add(e);
            } catch (Throwable e) {
                handlerEnds.add(e);
            }
        }));
    }

    @BeforeEach
    void clear() {
        handlerEnds.clear();
    }

    private void assertHandlerSawAbnormalClosure() throws InterruptedException {
        Object end = handlerEnds.poll(10, TimeUnit.SECONDS);
        assertNotNull(end, "the handler did not learn of the disconnect within 10 s");
        assertTrue(end instanceof WebSocketClosedException, "handler ended with " + end);
        assertEquals(CloseCodes.ABNORMAL, ((WebSocketClosedException) end).code());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void clientClosesTcpWithoutACloseFrame(EmbeddedContainer container) throws Exception {
        RawWebSocket client = RawWebSocket.open(container, "/record");
        client.sendText("hello");
        assertEquals("hello", client.read().text());
        client.close(); // FIN
        assertHandlerSawAbnormalClosure();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void clientResetsTheConnection(EmbeddedContainer container) throws Exception {
        RawWebSocket client = RawWebSocket.open(container, "/record");
        client.sendText("hello");
        assertEquals("hello", client.read().text());
        client.kill(); // RST
        assertHandlerSawAbnormalClosure();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void clientVanishesMidFrame(EmbeddedContainer container) throws Exception {
        RawWebSocket client = RawWebSocket.open(container, "/record");
        byte[] frame = RawWebSocket.encode(true, 0x1, "a message cut short".getBytes());
        client.sendRaw(java.util.Arrays.copyOf(frame, frame.length - 5));
        client.kill();
        assertHandlerSawAbnormalClosure();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void noThreadIsLeftBehindByTwentyVanishedClients(EmbeddedContainer container) throws Exception {
        // Warm up the container's pools, then count.
        for (int i = 0; i < 3; i++) {
            RawWebSocket warm = RawWebSocket.open(container, "/record");
            warm.kill();
            assertHandlerSawAbnormalClosure();
        }
        ThreadCounts.settled();
        int before = ThreadCounts.outsideContainerPools();
        long handlersBefore = ThreadCounts.named("tether-handler");
        List<RawWebSocket> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RawWebSocket client = RawWebSocket.open(container, "/record");
            client.sendText("ping " + i);
            assertEquals("ping " + i, client.read().text());
            clients.add(client);
        }
        for (int i = 0; i < clients.size(); i++) {
            if (i % 2 == 0) clients.get(i).kill(); else clients.get(i).close();
        }
        for (int i = 0; i < clients.size(); i++) assertHandlerSawAbnormalClosure();
        // Handler threads (platform threads on JDK 17; virtual on 21+, which the count does not see, but
        // every handler has returned above) must all be gone, and no other thread may stay per connection.
        long handlersAfter = ThreadCounts.awaitNamedAtMost("tether-handler", handlersBefore, 10_000);
        assertEquals(handlersBefore, handlersAfter, "handler threads left behind\n" + ThreadCounts.dump());
        int after = ThreadCounts.awaitOutsideContainerPoolsAtMost(before + 2, 10_000);
        assertTrue(after <= before + 2, "threads outside the container pools before: " + before + ", after: " + after
                + "\n" + ThreadCounts.dump());
    }
}
