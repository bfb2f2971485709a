package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import dev.tether.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A connected client against a scripted server that echoes: unmasked frames in, masked frames out. */
class ClientSessionEchoTest {

    /** Echoes data frames unmasked, records every client mask key, answers a close and hangs up. */
    private static ScriptedServer echoServer(List<Integer> maskKeys, String... responseHeaderLines) throws Exception {
        return ScriptedWebSocketServer.start((socket, in, out) -> {
            while (true) {
                TestFrames.ClientFrame f = TestFrames.readClientFrame(in);
                maskKeys.add(ByteBuffer.wrap(f.maskKey()).getInt());
                if (f.opcode() == TestFrames.CLOSE) {
                    ScriptedWebSocketServer.send(out, TestFrames.frame(TestFrames.CLOSE, true, f.payload()));
                    return; // closing the socket: the server ends TCP first, as RFC 6455 §7.1.1 wants
                }
                ScriptedWebSocketServer.send(out, TestFrames.frame(f.opcode(), f.fin(), f.payload()));
            }
        }, responseHeaderLines);
    }

    @Test
    void textAndBinaryEchoWithMaskedClientFramesAndFreshMasks() throws Exception {
        List<Integer> masks = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = echoServer(masks)) {
            WebSocket ws = WebSocketClient.create().connect(server.url("/echo?room=1"));
            try {
                assertTrue(ws.isConnected());
                assertEquals("/echo", ws.path());
                assertEquals("room=1", ws.query());
                assertNull(ws.subprotocol());
                ws.sendMessage("hello");
                assertEquals(Message.text("hello"), ws.readMessage());
                ws.sendMessage("héllo wörld ✓");
                assertEquals("héllo wörld ✓", ws.readMessage().text());
                byte[] medium = pattern(300);
                ws.sendMessage(medium);
                assertArrayEquals(medium, ws.readMessage().bytes());
                byte[] large = pattern(70_000); // 64-bit length form
                ws.sendMessage(large);
                Message reply = ws.readMessage();
                assertTrue(reply.isBinary());
                assertArrayEquals(large, reply.bytes());
                ws.sendMessage(new byte[0]);
                assertEquals(0, ws.readMessage().bytes().length);
            } finally {
                ws.close();
            }
            server.awaitScript();
            assertEquals(1000, ws.closeStatus().code());
            assertFalse(ws.isConnected());
        }
        Set<Integer> distinct = new HashSet<>(masks);
        assertTrue(masks.size() >= 6, "frames seen: " + masks.size());
        assertTrue(distinct.size() >= masks.size() - 1, "mask keys repeat: " + masks);
    }

    @Test
    void fragmentedSendsArriveAsFramesOfOneMessage() throws Exception {
        List<Integer> masks = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = echoServer(masks)) {
            try (WebSocket ws = WebSocketClient.create().connect(server.url("/"))) {
                ws.sendTextFrames(List.of("one ", "two ", "three"));
                assertEquals("one two three", ws.readMessage().text());
                ws.sendByteFrames(List.of(new byte[] {1, 2}, new byte[] {3}));
                assertArrayEquals(new byte[] {1, 2, 3}, ws.readMessage().bytes());
            }
            server.awaitScript();
        }
    }

    @Test
    void framesSentRightAfterThe101AreNotLost() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.Request request = RawHttp.readRequest(in);
            // One write: head and first frames together, as a server that greets at once may do.
            byte[] head = RawHttp.switching(request).getBytes(StandardCharsets.ISO_8859_1);
            byte[] first = TestFrames.text("welcome");
            byte[] second = TestFrames.binary(new byte[] {9, 8, 7});
            ByteBuffer all = ByteBuffer.allocate(head.length + first.length + second.length).put(head).put(first).put(second);
            out.write(all.array());
            out.flush();
            TestFrames.ClientFrame close = ScriptedWebSocketServer.awaitClose(in);
            ScriptedWebSocketServer.send(out, TestFrames.close(close.closeCode(), ""));
        })) {
            try (WebSocket ws = WebSocketClient.create().connect(server.url("/"))) {
                assertEquals("welcome", ws.readMessage().text());
                assertArrayEquals(new byte[] {9, 8, 7}, ws.readMessage().bytes());
            }
            server.awaitScript();
        }
    }

    @Test
    void handshakeDetailsAreVisibleOnTheConnection() throws Exception {
        List<Integer> masks = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = echoServer(masks, "Sec-WebSocket-Protocol: chat", "Set-Cookie: id=7; Path=/",
                "X-Server: scripted")) {
            WebSocketClient client = WebSocketClient.builder().subprotocols("chat.v2", "chat").build();
            try (WebSocket ws = client.connect(server.url("/p"))) {
                assertEquals("chat", ws.subprotocol());
                assertEquals("scripted", ws.header("x-server"));
                assertEquals("scripted", ws.header("X-SERVER"));
                assertEquals("id", ws.cookies().get(0).getName());
                assertEquals("7", ws.cookies().get(0).getValue());
                assertEquals(server.port(), ws.remoteAddress().getPort());
            }
            server.awaitScript();
        }
    }

    @Test
    void staticConnectOnTheApiUsesTheClient() throws Exception {
        List<Integer> masks = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = echoServer(masks)) {
            try (WebSocket ws = WebSocket.connect(server.url("/"))) {
                ws.sendMessage("via WebSocket.connect");
                assertEquals("via WebSocket.connect", ws.readMessage().text());
            }
            server.awaitScript();
        }
    }

    @Test
    void aSlowReaderHoldsTheServerBackAndLosesNothing() throws Exception {
        int count = 300;
        byte[] payload = pattern(4096);
        try (ScriptedServer server = ScriptedWebSocketServer.start((socket, in, out) -> {
            for (int i = 0; i < count; i++) {
                payload[0] = (byte) i;
                out.write(TestFrames.binary(payload));
            }
            out.flush();
            TestFrames.ClientFrame close = ScriptedWebSocketServer.awaitClose(in);
            ScriptedWebSocketServer.send(out, TestFrames.close(close.closeCode(), ""));
        })) {
            // 8 KiB of unread messages at most: the transport must pause reading and resume when asked.
            WebSocketClient client = WebSocketClient.builder()
                    .config(dev.tether.WebSocketConfig.defaults().toBuilder().maxInboundBufferBytes(8192).build())
                    .build();
            try (WebSocket ws = client.connect(server.url("/"))) {
                for (int i = 0; i < count; i++) {
                    if (i % 50 == 0) Thread.sleep(20); // fall behind now and then
                    byte[] got = ws.readMessage(java.time.Duration.ofSeconds(20)).bytes();
                    assertEquals((byte) i, got[0], "message " + i);
                    assertEquals(payload.length, got.length);
                }
            }
            server.awaitScript();
        }
    }

    static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) b[i] = (byte) (i * 31 + 7);
        return b;
    }
}
