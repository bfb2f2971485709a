package dev.tether.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.servlet.TetherServlet;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.EmbeddedContainer.Options;
import dev.tether.testing.JdkClient;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jetty's connector idle timeout cuts quiet HTTP connections; a WebSocket taken over with Jetty's own
 * upgrade must outlive it (Tether has timeouts of its own: read, write, close, heartbeat).
 */
class JettyIdleTimeoutTest {

    private static final Duration IDLE = Duration.ofMillis(400);
    private EmbeddedContainer jetty;

    @BeforeEach
    void start() {
        EndpointRegistry registry = new EndpointRegistry().register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage)));
        jetty = Kind.JETTY.start(new TetherServlet(registry), new Options(false, IDLE));
    }

    @AfterEach
    void stop() {
        jetty.stop();
    }

    @ParameterizedTest(name = "quiet for {0} ms")
    @ValueSource(ints = {1500})
    void aQuietWebSocketOutlivesTheConnectorIdleTimeout(int quietMillis) throws Exception {
        try (JdkClient client = JdkClient.connect(jetty, "/echo")) {
            client.sendText("before");
            assertEquals("before", client.nextText());
            Thread.sleep(quietMillis);
            assertFalse(client.isClosed(), "Jetty's idle timeout closed the WebSocket");
            client.sendText("after");
            assertEquals("after", client.nextText());
        }
    }

    @ParameterizedTest(name = "quiet for {0} ms")
    @ValueSource(ints = {1500})
    void theIdleTimeoutIsInForceForPlainHttp(int quietMillis) throws Exception {
        // Proves the previous test meaningful: the same connector does drop a quiet HTTP connection.
        try (Socket socket = new Socket("127.0.0.1", jetty.port())) {
            socket.setSoTimeout(quietMillis * 4);
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            assertEquals(-1, in.read());
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertFalse(waited > quietMillis * 3L, "took " + waited + " ms");
        }
    }
}
