package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.servlet.TetherServlet;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.JdkClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stopping the container destroys the servlet, which closes every open WebSocket with 1001 (going away). */
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
}
