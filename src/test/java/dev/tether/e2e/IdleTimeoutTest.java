package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketConfig;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.JdkClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The idle timeout on both containers: a connection that carries no data is closed with 1001 "idle
 * timeout" although its peer answers every heartbeat ping; one that carries data stays open.
 */
class IdleTimeoutTest extends EndToEndTest {

    private static final Duration IDLE = Duration.ofSeconds(1);

    private final BlockingQueue<Throwable> handlerEnds = new LinkedBlockingQueue<>();

    @Override
    void register(EndpointRegistry registry) {
        WebSocketConfig config = WebSocketConfig.builder().idleTimeout(IDLE).pingInterval(Duration.ofMillis(200)).build();
        registry.register(new Endpoint("/idle", ws -> {
            try {
                while (true) ws.sendMessage(ws.readMessage());
            } catch (Throwable t) {
                handlerEnds.add(t);
            }
        }, config, List.of(), null));
    }

    @BeforeEach
    void clear() {
        handlerEnds.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aConnectionThatOnlyAnswersPingsIsClosedWithGoingAway(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/idle")) {
            long start = System.nanoTime();
            client.sendText("just once");
            assertEquals("just once", client.nextText());
            JdkClient.Close close = client.awaitClose();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(1001, close.code());
            assertEquals("idle timeout", close.reason());
            assertTrue(millis >= IDLE.toMillis() - 50, "closed after only " + millis + " ms");
            assertTrue(millis < IDLE.toMillis() + 4_000, "closed only after " + millis + " ms");
            Throwable end = handlerEnds.poll(10, TimeUnit.SECONDS);
            assertNotNull(end, "the handler was not told");
            assertEquals(CloseCodes.GOING_AWAY, assertInstanceOf(WebSocketClosedException.class, end).code());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aConnectionThatCarriesDataStaysOpen(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/idle")) {
            long end = System.nanoTime() + IDLE.multipliedBy(3).toNanos();
            int i = 0;
            while (System.nanoTime() < end) {
                client.sendText("message " + i);
                assertEquals("message " + i, client.nextText());
                i++;
                Thread.sleep(IDLE.toMillis() / 4);
            }
            assertFalse(client.isClosed(), "closed although messages kept coming");
            client.sendClose(1000, "");
            assertEquals(1000, client.awaitClose().code());
        }
    }
}
