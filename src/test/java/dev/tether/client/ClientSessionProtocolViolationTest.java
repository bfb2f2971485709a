package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.WebSocket;
import dev.tether.WebSocketFailedException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A server that breaks RFC 6455 fails the connection: 1002 to the reader and in a close frame to the server. */
class ClientSessionProtocolViolationTest {

    private static void assertFailsWith1002(byte[] badFrame) throws Exception {
        AtomicReference<TestFrames.ClientFrame> close = new AtomicReference<>();
        try (ScriptedServer server = ScriptedWebSocketServer.start((socket, in, out) -> {
            ScriptedWebSocketServer.send(out, badFrame);
            close.set(ScriptedWebSocketServer.awaitClose(in));
        })) {
            WebSocket ws = WebSocketClient.create().connect(server.url("/"));
            WebSocketFailedException e = assertThrows(WebSocketFailedException.class, ws::readMessage);
            assertEquals(1002, e.closeCode());
            server.awaitScript();
            assertEquals(1002, close.get().closeCode(), "the client tells the server why");
            assertFalse(ws.isConnected());
            ws.close();
        }
    }

    @Test
    void maskedFrameFromTheServerFailsWith1002() throws Exception {
        assertFailsWith1002(TestFrames.frame(TestFrames.TEXT, true, "masked".getBytes(StandardCharsets.UTF_8),
                new byte[] {1, 2, 3, 4}));
    }

    @Test
    void reservedOpcodeFailsWith1002() throws Exception {
        assertFailsWith1002(TestFrames.frame(0x3, true, new byte[0]));
    }

    @Test
    void reservedBitFailsWith1002() throws Exception {
        byte[] frame = TestFrames.text("rsv1");
        frame[0] |= 0x40; // RSV1 without a negotiated extension
        assertFailsWith1002(frame);
    }
}
