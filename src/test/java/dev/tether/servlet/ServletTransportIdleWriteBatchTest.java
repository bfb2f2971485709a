package dev.tether.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.server.ServerConnection;
import dev.tether.server.SessionConnectionFactory;
import dev.tether.session.Transport;
import dev.tether.session.TransportListener;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.JdkClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The array the servlet transport gathers a write batch in is held only while there is something to write:
 * an idle connection, whether it has written before or not, holds none (10,000 idle connections would
 * otherwise hold 10,000 of them).
 */
class ServletTransportIdleWriteBatchTest {

    private final CompletableFuture<Transport> transport = new CompletableFuture<>();
    private EmbeddedContainer tomcat;

    @BeforeEach
    void start() {
        SessionConnectionFactory sessions = new SessionConnectionFactory();
        EndpointRegistry registry = new EndpointRegistry().register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage)));
        tomcat = Kind.TOMCAT.start(new TetherServlet(registry, TransportChoice.SERVLET, (endpoint, handshake) -> {
            ServerConnection real = sessions.open(endpoint, handshake);
            return new ServerConnection() {
                @Override
                public TransportListener listener() {
                    return real.listener();
                }

                @Override
                public void start(Transport t) {
                    real.start(t);
                    transport.complete(t);
                }

                @Override
                public void close(int code, String reason) {
                    real.close(code, reason);
                }
            };
        }));
    }

    @AfterEach
    void stop() {
        tomcat.stop();
    }

    @Test
    void aConnectionHoldsNoBatchBeforeItWritesNorAfterwards() throws Exception {
        try (JdkClient client = JdkClient.connect(tomcat, "/echo")) {
            ServletTransport opened = (ServletTransport) transport.get(10, TimeUnit.SECONDS);
            assertFalse(opened.holdsWriteBatch(), "a connection that never wrote holds a batch array");
            for (int i = 0; i < 20; i++) {
                client.sendText("message " + i);
                assertEquals("message " + i, client.nextText());
            }
            // The write completion (on a container thread) may still be under way when the echo arrives.
            assertTrue(eventually(() -> !opened.holdsWriteBatch()), "an idle connection that wrote still holds its batch array");
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
