package dev.tether.e2e.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import dev.tether.WebSocketConfig;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.servlet.TetherServlet;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.JdkClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A fault on one connection must stay on that connection. Each test runs its fault on both containers
 * while a {@link Bystander} echoes on another connection; the bystander must see no error and no message
 * lost or out of order, the faulty connection's handler must learn what happened, and afterwards a new
 * connection must be served as usual.
 *
 * <p>Endpoints: {@code /echo} for bystanders and newcomers; {@code /victim}, whose handler echoes and
 * records every message and how it ended; {@code /heartbeat}, the same with a fast heartbeat (ping every
 * 300 ms, pong within 500 ms); {@code /flood}, whose handler sends 1 MiB messages as fast as it can, with
 * a write timeout of 1.5 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultTest {

    static final Duration PING_INTERVAL = Duration.ofMillis(300);
    static final Duration PONG_TIMEOUT = Duration.ofMillis(500);
    static final Duration WRITE_TIMEOUT = Duration.ofMillis(1500);

    /** How a victim's handler ended: the exception its read or send threw (or null when it returned). */
    record Ending(Throwable cause, long atNanos) {
    }

    private final List<EmbeddedContainer> containers = new ArrayList<>();
    final BlockingQueue<Ending> victimEnds = new LinkedBlockingQueue<>();
    final BlockingQueue<Message> victimMessages = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> bystanderErrors = new LinkedBlockingQueue<>();
    Bystander bystander;

    @BeforeAll
    void startContainers() {
        for (Kind kind : Kind.values()) containers.add(kind.start(new TetherServlet(endpoints())));
    }

    @AfterAll
    void stopContainers() {
        containers.forEach(EmbeddedContainer::stop);
    }

    @BeforeEach
    void clear() {
        victimEnds.clear();
        victimMessages.clear();
        bystanderErrors.clear();
    }

    @AfterEach
    void abandonBystander() {
        if (bystander != null) bystander.abandon();
        bystander = null;
    }

    Stream<EmbeddedContainer> containers() {
        return containers.stream();
    }

    private EndpointRegistry endpoints() {
        WebSocketConfig fastHeartbeat = WebSocketConfig.builder().pingInterval(PING_INTERVAL).pongTimeout(PONG_TIMEOUT).build();
        WebSocketConfig shortWriteTimeout = WebSocketConfig.builder().writeTimeout(WRITE_TIMEOUT).build();
        return new EndpointRegistry()
                .register(Endpoint.of("/echo", ws -> {
                    try {
                        ws.runWith(ws::sendMessage);
                    } catch (Throwable t) {
                        bystanderErrors.add(t);
                        throw t;
                    }
                }))
                .register(Endpoint.of("/victim", this::recordingEcho))
                .register(new Endpoint("/heartbeat", this::recordingEcho, fastHeartbeat, List.of(), null))
                .register(new Endpoint("/flood", ws -> {
                    byte[] chunk = new byte[1 << 20];
                    try {
                        while (true) ws.sendMessage(chunk);
                    } catch (Throwable t) {
                        victimEnds.add(new Ending(t, System.nanoTime()));
                    }
                }, shortWriteTimeout, List.of(), null));
    }

    private void recordingEcho(dev.tether.WebSocket ws) {
        try {
            while (true) {
                Message m = ws.readMessage();
                victimMessages.add(m);
                ws.sendMessage(m);
            }
        } catch (Throwable t) {
            victimEnds.add(new Ending(t, System.nanoTime()));
        }
    }

    /** Starts the bystander on {@code container}. */
    void startBystander(EmbeddedContainer container) throws Exception {
        bystander = Bystander.start(container, "/echo");
    }

    /** The victim handler's ending, waiting at most {@code seconds}. */
    Ending victimEnd(int seconds) throws InterruptedException {
        Ending end = victimEnds.poll(seconds, TimeUnit.SECONDS);
        assertNotNull(end, "the victim's handler did not learn of the fault within " + seconds + " s");
        return end;
    }

    /** The bystander carried on unharmed, its handler saw nothing wrong, and a newcomer is served. */
    void assertUnaffected(EmbeddedContainer container) throws Exception {
        bystander.finish();
        bystander = null;
        assertTrue(bystanderErrors.isEmpty(), "the bystander's handler failed: " + bystanderErrors);
        try (JdkClient newcomer = JdkClient.connect(container, "/echo")) {
            newcomer.sendText("after the fault");
            assertEquals("after the fault", newcomer.nextText());
            newcomer.sendClose(1000, "");
            assertEquals(1000, newcomer.awaitClose().code());
        }
    }
}
