package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketConfig;
import dev.tether.protocol.Opcode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The idle timeout closes a connection that carried no data message either way for that long, with a
 * closing handshake (1001); data in either direction keeps it open, pings and pongs do not.
 */
class SessionIdleTimeoutTest {

    private static final Duration IDLE = Duration.ofMillis(300);

    private static WebSocketConfig idle(Duration pingInterval) {
        return WebSocketConfig.builder().idleTimeout(IDLE).pingInterval(pingInterval).build();
    }

    private static boolean closedForIdleness(InMemoryTransport t) throws Exception {
        return t.writtenEvents().contains("close:1001:idle timeout");
    }

    /** Waits for the close frame: the reader may learn of the close just before the timer thread writes it. */
    private static boolean awaitClosedForIdleness(InMemoryTransport t) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!t.writtenEvents().contains("close:1001:idle timeout")) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    @Test
    void anUnusedConnectionIsClosedWithGoingAway() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(idle(Duration.ZERO));
        WebSocketClosedException e = assertThrows(WebSocketClosedException.class,
                () -> t.session.readMessage(Duration.ofSeconds(10)));
        assertEquals(CloseCodes.GOING_AWAY, e.code());
        assertEquals("idle timeout", e.reason());
        assertTrue(awaitClosedForIdleness(t), "a close frame, not a dropped connection: " + t.writtenEvents());
        assertFalse(t.aborted, "the closing handshake is left to finish");
        t.receive(ClientFrames.close(1001, ""));
        assertTrue(t.closed, "the peer's answer ends the connection");
    }

    @Test
    void pongsAreNotActivity() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(idle(Duration.ofMillis(50)));
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!closedForIdleness(t) && System.nanoTime() < end) {
            t.receive(ClientFrames.control(Opcode.PONG, new byte[0]));
            t.receive(ClientFrames.control(Opcode.PING, new byte[0]));
            Thread.sleep(20);
        }
        assertTrue(closedForIdleness(t), "a peer that only answers pings is closed as idle: " + t.writtenEvents());
        assertTrue(t.writtenEvents().contains("ping"), "the heartbeat ran meanwhile");
    }

    @Test
    void messagesReceivedKeepTheConnectionOpen() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(idle(Duration.ZERO));
        long end = System.nanoTime() + IDLE.multipliedBy(4).toNanos();
        int sent = 0;
        while (System.nanoTime() < end) {
            t.receive(ClientFrames.text("still here " + sent++));
            Thread.sleep(50);
        }
        assertFalse(closedForIdleness(t), t.writtenEvents().toString());
        assertTrue(t.session.isConnected());
        SessionHeartbeatTest.waitFor(() -> !t.session.isConnected(), Duration.ofSeconds(5));
        assertTrue(closedForIdleness(t), "closed once the messages stopped");
    }

    @Test
    void theCloseNeverComesBeforeAWholeTimeoutWithoutMessages() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(idle(Duration.ZERO));
        // A message just before the timer's first look, another between two looks, then silence.
        Thread.sleep(IDLE.toMillis() / 8 - 10);
        t.receive(ClientFrames.text("first"));
        Thread.sleep(IDLE.toMillis() / 2 + 7);
        t.receive(ClientFrames.text("last"));
        long last = System.nanoTime();
        SessionHeartbeatTest.waitFor(() -> !t.session.isConnected(), Duration.ofSeconds(5));
        long quietMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - last);
        assertTrue(awaitClosedForIdleness(t), t.writtenEvents().toString());
        assertTrue(quietMillis >= IDLE.toMillis(), "closed only " + quietMillis + " ms after the last message");
    }

    @Test
    void fragmentsOfAMessageStillArrivingAreActivity() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(idle(Duration.ZERO));
        long end = System.nanoTime() + IDLE.multipliedBy(4).toNanos();
        Opcode opcode = Opcode.TEXT;
        while (System.nanoTime() < end) {
            t.receive(ClientFrames.data(opcode, false, "part ".getBytes()));
            opcode = Opcode.CONTINUATION;
            Thread.sleep(50);
        }
        assertFalse(closedForIdleness(t), t.writtenEvents().toString());
        t.session.close();
    }

    @Test
    void messagesSentKeepTheConnectionOpen() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(idle(Duration.ZERO));
        long end = System.nanoTime() + IDLE.multipliedBy(4).toNanos();
        while (System.nanoTime() < end) {
            t.session.sendMessage("news");
            Thread.sleep(50);
        }
        assertFalse(closedForIdleness(t), t.writtenEvents().toString());
        assertTrue(t.session.isConnected());
        t.session.close();
    }

    @Test
    void zeroTurnsTheIdleTimeoutOff() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().idleTimeout(Duration.ZERO)
                .pingInterval(Duration.ZERO).build());
        Thread.sleep(IDLE.multipliedBy(3).toMillis());
        assertTrue(t.session.isConnected());
        assertTrue(t.writtenEvents().isEmpty());
        t.session.close();
    }

    @Test
    void theDefaultIsTenMinutes() {
        assertEquals(Duration.ofMinutes(10), WebSocketConfig.defaults().idleTimeout());
    }
}
