package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketHandshakeException;
import java.io.IOException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every way a server's answer to the upgrade can be wrong, each met with a clear handshake exception. */
class ClientHandshakeResponseTest {

    /** Runs a handshake against a server that answers with {@code response(request)}; returns its failure. */
    private static WebSocketHandshakeException refusal(WebSocketClient client, Function<RawHttp.Request, String> response)
            throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.Request request = RawHttp.readRequest(in);
            try {
                RawHttp.write(out, response.apply(request));
                socket.shutdownOutput();
                RawHttp.readToEnd(in); // until the client gives up on us
            } catch (IOException e) {
                // the client may hang up before taking everything (a body cut at 64 KiB): that is its right
            }
        })) {
            WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class,
                    () -> client.connect(server.url("/ws")));
            server.awaitScript();
            return e;
        }
    }

    private static WebSocketHandshakeException refusal(Function<RawHttp.Request, String> response) throws Exception {
        return refusal(WebSocketClient.create(), response);
    }

    private static String ok(RawHttp.Request r) {
        return RawHttp.switching(r);
    }

    @Test
    void refusalCarriesStatusAndBody() throws Exception {
        String body = "{\"error\":\"no such room\"}";
        WebSocketHandshakeException e = refusal(r -> "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertEquals(404, e.status());
        assertEquals(body, e.body());
        assertTrue(e.getMessage().contains("404 Not Found"), e.getMessage());
    }

    @Test
    void refusalBodyStopsAtContentLength() throws Exception {
        WebSocketHandshakeException e = refusal(r -> "HTTP/1.1 403 Forbidden\r\nContent-Length: 5\r\n\r\nnope!trailing junk");
        assertEquals(403, e.status());
        assertEquals("nope!", e.body());
    }

    @Test
    void chunkedRefusalBodyIsDecoded() throws Exception {
        WebSocketHandshakeException e = refusal(r -> "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        assertEquals(400, e.status());
        assertEquals("hello world", e.body());
    }

    @Test
    void closeDelimitedRefusalBodyIsReadToTheEnd() throws Exception {
        WebSocketHandshakeException e = refusal(r -> "HTTP/1.1 500 Internal Server Error\r\n\r\nit broke");
        assertEquals(500, e.status());
        assertEquals("it broke", e.body());
    }

    @Test
    void hugeRefusalBodyIsCutAt64KiB() throws Exception {
        int size = 200 * 1024;
        WebSocketHandshakeException e = refusal(r -> "HTTP/1.1 403 Forbidden\r\nContent-Length: " + size + "\r\n\r\n"
                + "x".repeat(size));
        assertEquals(403, e.status());
        assertEquals(ClientHandshake.MAX_REFUSAL_BODY_BYTES, e.body().length());
    }

    @Test
    void okInsteadOf101IsARefusal() throws Exception {
        WebSocketHandshakeException e = refusal(r -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
        assertEquals(200, e.status());
        assertEquals("hi", e.body());
    }

    @Test
    void wrongAcceptKeyFails() throws Exception {
        WebSocketHandshakeException e = refusal(r -> ok(r).replace(r.acceptKey(), "dGhlIHNhbXBsZSBub25jZQ=="));
        assertEquals(101, e.status());
        assertTrue(e.getMessage().contains("wrong Sec-WebSocket-Accept"), e.getMessage());
    }

    @Test
    void missingAcceptKeyFails() throws Exception {
        WebSocketHandshakeException e = refusal(r -> ok(r).replace("Sec-WebSocket-Accept: " + r.acceptKey() + "\r\n", ""));
        assertTrue(e.getMessage().contains("no Sec-WebSocket-Accept"), e.getMessage());
    }

    @Test
    void missingUpgradeHeaderFails() throws Exception {
        WebSocketHandshakeException e = refusal(r -> ok(r).replace("Upgrade: websocket\r\n", ""));
        assertEquals(101, e.status());
        assertTrue(e.getMessage().contains("Upgrade: websocket"), e.getMessage());
    }

    @Test
    void wrongUpgradeHeaderFails() throws Exception {
        WebSocketHandshakeException e = refusal(r -> ok(r).replace("Upgrade: websocket", "Upgrade: h2c"));
        assertTrue(e.getMessage().contains("'h2c'"), e.getMessage());
    }

    @Test
    void missingConnectionHeaderFails() throws Exception {
        WebSocketHandshakeException e = refusal(r -> ok(r).replace("Connection: Upgrade\r\n", ""));
        assertTrue(e.getMessage().contains("Connection: Upgrade"), e.getMessage());
    }

    @Test
    void headerTokensAreMatchedCaseInsensitivelyInLists() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.Request r = RawHttp.readRequest(in);
            RawHttp.write(out, ok(r).replace("Upgrade: websocket", "upgrade: WebSocket")
                    .replace("Connection: Upgrade", "connection: keep-alive, UPGRADE"));
        })) {
            WebSocketClient.Handshaken h = WebSocketClient.create().handshake(WebSocketUri.parse(server.url("/")));
            h.socket().closeNow();
            server.awaitScript();
            assertNull(h.result().subprotocol());
        }
    }

    @Test
    void subprotocolWhenNoneWasOfferedFails() throws Exception {
        WebSocketHandshakeException e = refusal(r -> RawHttp.switching(r, "Sec-WebSocket-Protocol: chat"));
        assertTrue(e.getMessage().contains("offered none"), e.getMessage());
    }

    @Test
    void subprotocolThatWasNotOfferedFails() throws Exception {
        WebSocketClient client = WebSocketClient.builder().subprotocols("chat.v2", "chat").build();
        WebSocketHandshakeException e = refusal(client, r -> RawHttp.switching(r, "Sec-WebSocket-Protocol: mqtt"));
        assertTrue(e.getMessage().contains("'mqtt'"), e.getMessage());
    }

    @Test
    void morethanOneSubprotocolInTheAnswerFails() throws Exception {
        WebSocketClient client = WebSocketClient.builder().subprotocols("chat.v2", "chat").build();
        WebSocketHandshakeException e = refusal(client, r -> RawHttp.switching(r, "Sec-WebSocket-Protocol: chat, chat.v2"));
        assertTrue(e.getMessage().contains("exactly one"), e.getMessage());
    }

    @Test
    void anyExtensionInTheAnswerFails() throws Exception {
        WebSocketHandshakeException e = refusal(r -> RawHttp.switching(r, "Sec-WebSocket-Extensions: permessage-deflate"));
        assertTrue(e.getMessage().contains("extensions"), e.getMessage());
        assertTrue(e.getMessage().contains("permessage-deflate"), e.getMessage());
    }

    @Test
    void serverClosingWithoutAnswerFailsWithoutStatus() throws Exception {
        WebSocketHandshakeException e = refusal(r -> "");
        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains("without an HTTP response"), e.getMessage());
    }

    @Test
    void nonHttpAnswerFailsWithoutStatus() throws Exception {
        WebSocketHandshakeException e = refusal(r -> "SSH-2.0-OpenSSH_9.2\r\n");
        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
    }

    @Test
    void handshakeFailureIsAnIOException() {
        assertTrue(IOException.class.isAssignableFrom(WebSocketHandshakeException.class));
    }
}
