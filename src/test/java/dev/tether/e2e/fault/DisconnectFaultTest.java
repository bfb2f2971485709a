package dev.tether.e2e.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketClosedException;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.RawWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Peers that disappear: killed in the middle of a frame, gone with a TCP reset, or vanished without a FIN
 * (the machine lost power, a NAT forgot the connection), which only the heartbeat can find.
 */
class DisconnectFaultTest extends FaultTest {

    private static void assertLost(Ending end) {
        WebSocketClosedException closed = assertInstanceOf(WebSocketClosedException.class, end.cause(),
                () -> "the victim's handler ended with " + end.cause());
        assertEquals(CloseCodes.ABNORMAL, closed.code(), closed.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aClientKilledInTheMiddleOfAFrame(EmbeddedContainer container) throws Exception {
        startBystander(container);
        RawWebSocket victim = RawWebSocket.open(container, "/victim");
        byte[] frame = RawWebSocket.encode(true, 0x1, "a message that is never finished".getBytes(StandardCharsets.UTF_8));
        victim.sendRaw(Arrays.copyOf(frame, frame.length - 7));
        victim.kill();
        assertLost(victimEnd(10));
        assertTrue(victimMessages.isEmpty(), "half a frame was delivered: " + victimMessages);
        assertUnaffected(container);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aTcpReset(EmbeddedContainer container) throws Exception {
        startBystander(container);
        RawWebSocket victim = RawWebSocket.open(container, "/victim");
        victim.sendText("hello");
        assertEquals("hello", victim.read().text());
        victim.kill(); // SO_LINGER 0: RST, no FIN
        assertLost(victimEnd(10));
        assertUnaffected(container);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aPeerThatVanishesWithoutAFinIsFoundByTheHeartbeat(EmbeddedContainer container) throws Exception {
        startBystander(container);
        try (RawWebSocket victim = RawWebSocket.open(container, "/heartbeat")) {
            // Handshake done; from now on the peer neither reads nor answers pings, and TCP says nothing.
            long start = System.nanoTime();
            int bystanderBefore = bystander.echoes();
            Ending end = victimEnd(10);
            long millis = TimeUnit.NANOSECONDS.toMillis(end.atNanos() - start);
            WebSocketClosedException closed = assertInstanceOf(WebSocketClosedException.class, end.cause(),
                    () -> "the victim's handler ended with " + end.cause());
            assertEquals(CloseCodes.ABNORMAL, closed.code());
            assertTrue(closed.reason().contains("no pong"), closed.reason());
            long earliest = PING_INTERVAL.plus(PONG_TIMEOUT).toMillis();
            assertTrue(millis >= earliest - 50, "dropped after only " + millis + " ms");
            assertTrue(millis < earliest + 4_000, "dropped only after " + millis + " ms");
            assertTrue(bystander.echoes() > bystanderBefore + 10,
                    "the bystander stood still while the heartbeat waited: " + (bystander.echoes() - bystanderBefore) + " echoes");
            assertServerLetGo(victim);
        }
        assertUnaffected(container);
    }

    /** What the server wrote (its pings) is readable, then the connection ends: the server let go of it. */
    private static void assertServerLetGo(RawWebSocket victim) throws IOException {
        victim.socket().setSoTimeout(10_000);
        InputStream in = victim.socket().getInputStream();
        byte[] sink = new byte[1024];
        try {
            while (in.read(sink) >= 0) {
                // pings
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server still holds the vanished peer's connection", e);
        } catch (IOException e) {
            // reset: let go too
        }
    }
}
