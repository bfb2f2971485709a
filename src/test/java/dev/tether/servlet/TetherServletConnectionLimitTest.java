package dev.tether.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.server.DeploymentSettings;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.EmbeddedContainer.Options;
import dev.tether.testing.JdkClient;
import dev.tether.testing.RawWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * tether.maxConnections: beyond the limit a handshake gets 503 with Retry-After before any upgrade, and a
 * place that frees up is taken again.
 */
class TetherServletConnectionLimitTest {

    private EmbeddedContainer container;
    private TetherServlet servlet;

    @AfterEach
    void stop() {
        if (container != null) container.stop();
    }

    private void start(Kind kind, String limit) {
        servlet = new TetherServlet(new EndpointRegistry().register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage))));
        container = kind.start(servlet, Options.initParam(DeploymentSettings.MAX_CONNECTIONS, limit));
    }

    private String handshake() {
        return "GET /echo HTTP/1.1\r\nHost: 127.0.0.1:" + container.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + RawWebSocket.newKey() + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    }

    @Test
    void theDefaultIsTenThousand() {
        assertEquals(10_000, DeploymentSettings.defaults().maxConnections());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void theThirdOfTwoIsRefusedWith503UntilAPlaceFreesUp(Kind kind) throws Exception {
        start(kind, "2");
        List<JdkClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                JdkClient client = JdkClient.connect(container, "/echo");
                client.sendText("in " + i);
                assertEquals("in " + i, client.nextText());
                clients.add(client);
            }
            RawWebSocket.Response refused = RawWebSocket.request(container, handshake());
            assertEquals(503, refused.status());
            assertEquals("5", refused.header("Retry-After"));
            assertEquals(null, refused.header("Sec-WebSocket-Accept"), "no upgrade was begun");
            assertTrue(refused.body().contains("Too many WebSocket connections"), refused.body());
            assertEquals(2, servlet.openConnections());

            clients.get(0).sendClose(1000, "");
            assertEquals(1000, clients.get(0).awaitClose().code());
            awaitOpenConnections(1);
            try (JdkClient again = JdkClient.connect(container, "/echo")) {
                again.sendText("a place again");
                assertEquals("a place again", again.nextText());
            }
        } finally {
            for (JdkClient c : clients) c.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void concurrentHandshakesCannotTogetherPassTheLimit(Kind kind) throws Exception {
        start(kind, "2");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<RawWebSocket> opened = new ArrayList<>();
        try {
            List<Callable<RawWebSocket>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) attempts.add(() -> RawWebSocket.open(container, "/echo"));
            int upgraded = 0;
            int refused = 0;
            for (Future<RawWebSocket> f : pool.invokeAll(attempts, 30, TimeUnit.SECONDS)) {
                RawWebSocket ws = f.get();
                opened.add(ws);
                int status = ws.handshake().status();
                if (status == 101) upgraded++;
                if (status == 503) refused++;
            }
            assertEquals(2, upgraded, "upgraded");
            assertEquals(6, refused, "refused");
        } finally {
            pool.shutdownNow();
            for (RawWebSocket ws : opened) ws.close();
        }
    }

    @Test
    void anInvalidLimitKeepsTheServletFromStarting() {
        servlet = new TetherServlet(new EndpointRegistry().register(Endpoint.of("/echo", ws -> { })));
        try {
            container = Kind.JETTY.start(servlet, Options.initParam(DeploymentSettings.MAX_CONNECTIONS, "lots"));
        } catch (IllegalStateException e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable c = e; c != null; c = c.getCause()) causes.append(c).append('\n');
            assertTrue(causes.toString().contains("tether.maxConnections must be a whole number"), causes.toString());
            return;
        }
        throw new AssertionError("Jetty started a servlet with an invalid tether.maxConnections");
    }

    private void awaitOpenConnections(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (servlet.openConnections() != n && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(n, servlet.openConnections());
    }
}
