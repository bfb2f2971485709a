package dev.tether.client.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import dev.tether.WebSocket;
import dev.tether.WebSocketClosedException;
import dev.tether.client.WebSocketClient;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tether's client against Node's ws server: a peer that nobody here wrote. */
class NodeWsPeerTest {

    private static NodeWsServer node;

    @BeforeAll
    static void startNode() throws Exception {
        node = NodeWsServer.start();
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) node.close();
    }

    @Test
    void textEchoes() throws Exception {
        try (WebSocket ws = WebSocketClient.create().connect(node.url("/echo"))) {
            ws.sendMessage("hello, ws");
            assertEquals(Message.text("hello, ws"), ws.readMessage());
            ws.sendMessage("ünïcödé ✓ 𝄞");
            assertEquals("ünïcödé ✓ 𝄞", ws.readMessage().text());
            ws.sendTextFrames(java.util.List.of("in ", "three ", "frames"));
            assertEquals("in three frames", ws.readMessage().text());
        }
    }

    @Test
    void binaryEchoesSmallAndOneMebibyte() throws Exception {
        byte[] small = {0, 1, 2, (byte) 0xff};
        byte[] large = new byte[1 << 20];
        new Random(6455).nextBytes(large);
        try (WebSocket ws = WebSocketClient.create().connect(node.url("/echo"))) {
            ws.sendMessage(small);
            Message reply = ws.readMessage();
            assertTrue(reply.isBinary());
            assertArrayEquals(small, reply.bytes());
            ws.sendMessage(large);
            assertArrayEquals(large, ws.readMessage().bytes());
            String bigText = "x".repeat(1 << 20);
            ws.sendMessage(bigText);
            assertEquals(bigText, ws.readMessage().text());
        }
    }

    @Test
    void clientStartsTheClosingHandshake() throws Exception {
        WebSocket ws = WebSocketClient.create().connect(node.url("/echo"));
        ws.sendMessage("before close");
        assertEquals("before close", ws.readMessage().text());
        ws.close(1000, "bye");
        WebSocketClosedException e = assertThrows(WebSocketClosedException.class, ws::readMessage);
        assertEquals(1000, e.code());
        assertFalse(ws.isConnected());
        assertEquals(1000, ws.closeStatus().code());
    }

    @Test
    void serverStartsTheClosingHandshake() throws Exception {
        WebSocket ws = WebSocketClient.create().connect(node.url("/echo"));
        ws.sendMessage("close-me");
        WebSocketClosedException e = assertThrows(WebSocketClosedException.class, ws::readMessage);
        assertEquals(4001, e.code(), node.stderr());
        assertEquals("asked to close", e.reason());
        assertFalse(ws.isConnected());
        ws.close();
    }

    @Test
    void subprotocolIsAgreed() throws Exception {
        WebSocketClient client = WebSocketClient.builder().subprotocols("other", "tether.echo").build();
        try (WebSocket ws = client.connect(node.url("/echo"))) {
            assertEquals("tether.echo", ws.subprotocol());
            ws.sendMessage("protocol?");
            assertEquals("tether.echo", ws.readMessage().text());
        }
        try (WebSocket ws = WebSocketClient.create().connect(node.url("/echo"))) {
            assertNull(ws.subprotocol());
            ws.sendMessage("protocol?");
            assertEquals("(none)", ws.readMessage().text());
        }
    }

    @Test
    void pingIsAnswered() throws Exception {
        try (WebSocket ws = WebSocketClient.create().connect(node.url("/echo"))) {
            ws.ping();
            ws.sendMessage("after ping");
            assertEquals("after ping", ws.readMessage().text());
        }
    }
}
