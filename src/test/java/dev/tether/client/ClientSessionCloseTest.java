package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.WebSocket;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How a client connection ends: the server closes, the client closes, or TCP just drops. */
class ClientSessionCloseTest {

    @Test
    void serverCloseReachesTheReaderWithCodeAndReasonAndIsAnswered() throws Exception {
        AtomicReference<TestFrames.ClientFrame> reply = new AtomicReference<>();
        try (ScriptedServer server = ScriptedWebSocketServer.start((socket, in, out) -> {
            ScriptedWebSocketServer.send(out, TestFrames.close(1001, "server going away"));
            reply.set(ScriptedWebSocketServer.awaitClose(in));
            // then the server closes TCP, by returning
        })) {
            WebSocket ws = WebSocketClient.create().connect(server.url("/"));
            WebSocketClosedException e = assertThrows(WebSocketClosedException.class, ws::readMessage);
            assertEquals(1001, e.code());
            assertEquals("server going away", e.reason());
            server.awaitScript();
            assertEquals(1001, reply.get().closeCode(), "the client echoes the close code (RFC 6455 §5.5.1)");
            assertFalse(ws.isConnected());
            assertEquals(1001, ws.closeStatus().code());
            assertThrows(WebSocketClosedException.class, ws::readMessage);
            ws.close();
        }
    }

    @Test
    void clientCloseSendsAMaskedCloseFrameWithCodeAndReason() throws Exception {
        AtomicReference<TestFrames.ClientFrame> received = new AtomicReference<>();
        try (ScriptedServer server = ScriptedWebSocketServer.start((socket, in, out) -> {
            TestFrames.ClientFrame close = ScriptedWebSocketServer.awaitClose(in);
            received.set(close);
            ScriptedWebSocketServer.send(out, TestFrames.close(close.closeCode(), ""));
            socket.shutdownOutput(); // the server ends TCP first; the client then closes its side
            assertEquals(-1, in.read(), "nothing may follow a close frame");
        })) {
            WebSocket ws = WebSocketClient.create().connect(server.url("/"));
            ws.close(4000, "done here");
            server.awaitScript();
            assertEquals(4000, received.get().closeCode());
            assertEquals("done here", received.get().closeReason());
            assertFalse(ws.isConnected());
        }
    }

    @Test
    void droppedTcpIs1006() throws Exception {
        try (ScriptedServer server = ScriptedWebSocketServer.start((socket, in, out) -> {
            socket.close(); // no close frame
        })) {
            WebSocket ws = WebSocketClient.create().connect(server.url("/"));
            WebSocketClosedException e = assertThrows(WebSocketClosedException.class, ws::readMessage);
            assertEquals(1006, e.code());
            server.awaitScript();
            assertFalse(ws.isConnected());
            assertEquals(1006, ws.closeStatus().code());
        }
    }

    @Test
    void serverThatNeverAnswersTheCloseIsDroppedAfterTheCloseTimeout() throws Exception {
        try (ScriptedServer server = ScriptedWebSocketServer.start((socket, in, out) -> {
            ScriptedWebSocketServer.awaitClose(in);
            assertEquals(-1, in.read()); // silent: only the client's close timeout ends this
        })) {
            WebSocketClient client = WebSocketClient.builder()
                    .config(WebSocketConfig.defaults().toBuilder().closeTimeout(Duration.ofMillis(300)).build())
                    .build();
            WebSocket ws = client.connect(server.url("/"));
            ws.close();
            server.awaitScript();
            assertFalse(ws.isConnected());
        }
    }
}
