package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketConfig;
import dev.tether.protocol.Opcode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The heartbeat finds a vanished peer, and leaves an answering one alone. */
class SessionHeartbeatTest {

    private static WebSocketConfig fastHeartbeat() {
        return WebSocketConfig.builder().pingInterval(Duration.ofMillis(50)).pongTimeout(Duration.ofMillis(100)).build();
    }

    @Test
    void aPeerThatNeverAnswersPingsIsDropped() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(fastHeartbeat());
        waitFor(() -> t.aborted, Duration.ofSeconds(5));
        assertTrue(t.aborted, "no pong: the connection is dropped");
        assertEquals(CloseCodes.ABNORMAL, t.session.closeStatus().code());
        assertTrue(t.session.closeStatus().reason().contains("no pong"), t.session.closeStatus().reason());
        assertTrue(t.writtenEvents().contains("ping"), "a ping was sent first");
    }

    @Test
    void aPeerThatAnswersStaysConnected() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(fastHeartbeat());
        long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
        while (System.nanoTime() < end) {
            t.receive(ClientFrames.control(Opcode.PONG, new byte[0]));
            Thread.sleep(20);
        }
        assertFalse(t.aborted);
        assertTrue(t.session.isConnected());
        long pings = t.writtenEvents().stream().filter("ping"::equals).count();
        assertTrue(pings >= 3, "pings keep going every interval: " + pings);
        t.session.close();
    }

    @Test
    void zeroIntervalSendsNoPings() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().pingInterval(Duration.ZERO).build());
        Thread.sleep(200);
        assertTrue(t.writtenEvents().isEmpty());
        assertTrue(t.session.isConnected());
    }

    static void waitFor(java.util.function.BooleanSupplier condition, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) Thread.sleep(10);
    }
}
