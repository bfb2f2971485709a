package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketConfig;
import dev.tether.WebSocketFailedException;
import dev.tether.protocol.Opcode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closing handshake and the ways a connection ends, as the session sees them. */
class SessionClosingTest {

    @Test
    void peerCloseIsEchoedWithItsCodeAndTcpIsClosed() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(ClientFrames.close(4321, "going"));

        assertEquals(List.of("close:4321"), t.writtenEvents());
        assertTrue(t.closed, "the server closes TCP once the handshake is over");
        WebSocketClosedException e = assertThrows(WebSocketClosedException.class, t.session::readMessage);
        assertEquals(4321, e.code());
        assertEquals("going", e.reason());
        assertFalse(t.session.isConnected());
    }

    @Test
    void emptyCloseIsEchoedEmptyAndReportedAs1005() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(ClientFrames.close(CloseCodes.NO_STATUS, ""));
        assertEquals(List.of("close:1005"), t.writtenEvents());
        assertEquals(CloseCodes.NO_STATUS, t.session.closeStatus().code());
    }

    @Test
    void localCloseSendsTheCodeAndFurtherSendsFail() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.session.close(4001, "enough");

        assertEquals(List.of("close:4001:enough"), t.writtenEvents());
        assertFalse(t.session.isConnected());
        assertThrows(WebSocketClosedException.class, () -> t.session.sendMessage("too late"));
        assertThrows(WebSocketClosedException.class, t.session::readMessage);

        t.receive(ClientFrames.close(4001, ""));
        assertTrue(t.closed);
        assertEquals(4001, t.session.closeStatus().code());
        t.session.close(); // idempotent
        assertEquals(List.of("close:4001:enough"), t.writtenEvents(), "only one close frame is ever sent");
    }

    @Test
    void peerThatNeverAnswersOurCloseIsDroppedAfterTheCloseTimeout() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().closeTimeout(Duration.ofMillis(100)).build());
        t.session.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!t.aborted && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(t.aborted, "connection dropped after the close timeout");
        assertEquals(CloseCodes.ABNORMAL, t.session.closeStatus().code());
    }

    @Test
    void endOfInputWithoutCloseFrameIs1006() {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.session.onEndOfInput();
        WebSocketClosedException e = assertThrows(WebSocketClosedException.class, t.session::readMessage);
        assertEquals(CloseCodes.ABNORMAL, e.code());
        assertTrue(t.aborted);
    }

    @Test
    void transportFailureIs1006() {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.session.onTransportFailure(new java.io.IOException("Connection reset"));
        WebSocketClosedException e = assertThrows(WebSocketClosedException.class, t.session::readMessage);
        assertEquals(CloseCodes.ABNORMAL, e.code());
    }

    @Test
    void protocolViolationSends1002AndFailsTheReader() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        byte[] unmasked = {(byte) 0x81, 0x02, 'h', 'i'}; // servers require masked frames
        t.receive(unmasked);

        assertEquals(List.of("close:1002"), t.writtenEvents().stream().map(e -> e.replaceAll("^(close:\\d+).*", "$1")).toList());
        assertTrue(t.closed, "a failed connection is closed without waiting for the peer");
        WebSocketFailedException e = assertThrows(WebSocketFailedException.class, t.session::readMessage);
        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
        assertEquals(CloseCodes.PROTOCOL_ERROR, t.session.closeStatus().code());
    }

    @Test
    void noCloseDeadlineOutlivesAConnectionThatClosedAtOnce() throws Exception {
        // InMemoryTransport reports itself closed within close(): a deadline scheduled after that would hold
        // the failed connection in the timer queue for the whole close timeout.
        InMemoryTransport failed = InMemoryTransport.server(WebSocketConfig.defaults());
        failed.receive(new byte[] {(byte) 0x81, 0x02, 'h', 'i'});
        assertTrue(failed.closed);
        assertFalse(failed.session.hasPendingCloseDeadline(), "after a protocol failure");

        InMemoryTransport echoed = InMemoryTransport.server(WebSocketConfig.defaults());
        echoed.receive(ClientFrames.close(1000, ""));
        assertTrue(echoed.closed);
        assertFalse(echoed.session.hasPendingCloseDeadline(), "after echoing the peer's close");
    }

    @Test
    void invalidUtf8Sends1007() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(ClientFrames.data(Opcode.TEXT, true, new byte[] {'a', (byte) 0xC0, (byte) 0xAF}));
        WebSocketFailedException e = assertThrows(WebSocketFailedException.class, t.session::readMessage);
        assertEquals(CloseCodes.INVALID_PAYLOAD, e.closeCode());
        assertTrue(t.writtenEvents().get(0).startsWith("close:1007"));
    }

    @Test
    void oversizedMessageSends1009() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().maxMessageSize(100).build());
        t.receive(ClientFrames.data(Opcode.BINARY, false, new byte[60]));
        t.receive(ClientFrames.data(Opcode.CONTINUATION, true, new byte[60]));
        WebSocketFailedException e = assertThrows(WebSocketFailedException.class, t.session::readMessage);
        assertEquals(CloseCodes.TOO_BIG, e.closeCode());
        assertTrue(t.writtenEvents().get(0).startsWith("close:1009"));
    }

    @Test
    void dataAfterThePeersCloseIsIgnored() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(ClientFrames.close(1000, ""));
        t.receive(ClientFrames.text("after close"));
        assertThrows(WebSocketClosedException.class, t.session::readMessage);
        assertEquals(List.of("close:1000"), t.writtenEvents());
    }

    @Test
    void invalidLocalCloseCodeIsRefused() {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        assertThrows(IllegalArgumentException.class, () -> t.session.close(1006, "never on the wire"));
        assertThrows(IllegalArgumentException.class, () -> t.session.close(999, ""));
        assertTrue(t.session.isConnected());
    }
}
