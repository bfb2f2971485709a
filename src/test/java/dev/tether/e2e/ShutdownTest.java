package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tether.CloseCodes;
import dev.tether.WebSocketClosedException;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.servlet.TetherServlet;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.JdkClient;
import dev.tether.testing.RawWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stopping the container destroys the servlet, which closes every open WebSocket with 1001 (going away),
 * and each handler is told: its read throws {@link WebSocketClosedException} 1001.
 */
class ShutdownTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void stoppingTheContainerClosesWebSocketsWithGoingAway(Kind kind) throws Exception {
        EndpointRegistry registry = new EndpointRegistry().register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage)));
        TetherServlet servlet = new TetherServlet(registry);
        EmbeddedContainer container = kind.start(servlet);
        List<JdkClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                JdkClient client = JdkClient.connect(container, "/echo");
                client.sendText("hi");
                assertEquals("hi", client.nextText());
                clients.add(client);
            }
            assertEquals(3, servlet.openConnections());
        } finally {
            container.stop();
        }
        for (JdkClient client : clients) {
            assertEquals(1001, client.awaitClose().code());
            client.close();
        }
        assertEquals(0, servlet.openConnections());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void everyHandlerIsToldTheServerIsGoingAwayEvenWhenItsPeerIsStuck(Kind kind) throws Exception {
        BlockingQueue<Throwable> handlerEnds = new LinkedBlockingQueue<>();
        EndpointRegistry registry = new EndpointRegistry().register(Endpoint.of("/reader", ws -> {
            try {
                while (true) ws.sendMessage(ws.readMessage());
            } catch (Throwable t) {
                handlerEnds.add(t);
            }
        }));
        TetherServlet servlet = new TetherServlet(registry);
        EmbeddedContainer container = kind.start(servlet);
        List<JdkClient> clients = new ArrayList<>();
        RawWebSocket stuck = null;
        try {
            for (int i = 0; i < 2; i++) {
                JdkClient client = JdkClient.connect(container, "/reader");
                client.sendText("hi " + i);
                assertEquals("hi " + i, client.nextText());
                clients.add(client);
            }
            // A peer that will never answer the close, with half a frame on the way.
            stuck = RawWebSocket.open(container, "/reader");
            stuck.sendText("ready");
            assertEquals("ready", stuck.read().text(), "its handler runs");
            byte[] frame = RawWebSocket.encode(true, 0x1, "never finished".getBytes());
            stuck.sendRaw(java.util.Arrays.copyOf(frame, 4));
            assertEquals(3, servlet.openConnections());
        } finally {
            container.stop();
        }
        for (int i = 0; i < 3; i++) {
            Throwable end = handlerEnds.poll(10, TimeUnit.SECONDS);
            assertNotNull(end, "a handler was not told of the shutdown");
            WebSocketClosedException closed = assertInstanceOf(WebSocketClosedException.class, end, () -> "handler ended with " + end);
            assertEquals(CloseCodes.GOING_AWAY, closed.code());
        }
        for (JdkClient client : clients) {
            assertEquals(1001, client.awaitClose().code());
            client.close();
        }
        assertEquals(1001, stuck.read().closeCode(), "the stuck peer got the close frame too");
        stuck.close();
        assertEquals(0, servlet.openConnections());
    }
}
