package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.protocol.handshake.AcceptKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ClientHandshakeRequestTest {

    @Test
    void requestHasEveryHeaderRfc6455Requires() {
        ClientHandshake handshake = new ClientHandshake(WebSocketUri.parse("ws://example.com:8080/chat?room=1"),
                List.of(), null, List.of());
        String request = new String(handshake.request(), StandardCharsets.ISO_8859_1);
        assertTrue(request.startsWith("GET /chat?room=1 HTTP/1.1\r\n"), request);
        assertTrue(request.endsWith("\r\n\r\n"), request);
        List<String> lines = List.of(request.split("\r\n"));
        assertTrue(lines.contains("Host: example.com:8080"), request);
        assertTrue(lines.contains("Upgrade: websocket"), request);
        assertTrue(lines.contains("Connection: Upgrade"), request);
        assertTrue(lines.contains("Sec-WebSocket-Version: 13"), request);
        assertTrue(lines.contains("Sec-WebSocket-Key: " + handshake.key()), request);
        assertTrue(AcceptKey.isValidClientKey(handshake.key()));
        assertTrue(request.indexOf("Origin") < 0, "no Origin unless asked: " + request);
        assertTrue(request.indexOf("Sec-WebSocket-Protocol") < 0, request);
        assertTrue(request.indexOf("Sec-WebSocket-Extensions") < 0, "no extensions are offered: " + request);
    }

    @Test
    void everyHandshakeHasAFreshKey() {
        WebSocketUri uri = WebSocketUri.parse("ws://example.com/");
        assertNotEquals(new ClientHandshake(uri, List.of(), null, List.of()).key(),
                new ClientHandshake(uri, List.of(), null, List.of()).key());
    }

    @Test
    void serverReceivesOriginSubprotocolsAndExtraHeaders() throws Exception {
        AtomicReference<RawHttp.Request> seen = new AtomicReference<>();
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.Request request = RawHttp.readRequest(in);
            seen.set(request);
            RawHttp.write(out, RawHttp.switching(request, "Sec-WebSocket-Protocol: chat.v2"));
        })) {
            WebSocketClient client = WebSocketClient.builder()
                    .origin("https://app.example.com")
                    .subprotocols("chat.v2", "chat")
                    .header("Authorization", "Bearer abc")
                    .header("Cookie", "session=42")
                    .build();
            WebSocketClient.Handshaken h = client.handshake(WebSocketUri.parse(server.url("/room/7?x=%20y")));
            h.socket().closeNow();
            server.awaitScript();
            assertEquals("chat.v2", h.result().subprotocol());
        }
        RawHttp.Request request = seen.get();
        assertEquals("GET /room/7?x=%20y HTTP/1.1", request.requestLine());
        assertTrue(request.header("Host").startsWith("127.0.0.1:"), request.raw());
        assertEquals("https://app.example.com", request.header("Origin"));
        assertEquals("chat.v2, chat", request.header("Sec-WebSocket-Protocol"));
        assertEquals("Bearer abc", request.header("Authorization"));
        assertEquals("session=42", request.header("Cookie"));
        assertEquals("13", request.header("Sec-WebSocket-Version"));
    }

    @Test
    void extraHeadersCannotOverrideTheHandshake() {
        for (String name : List.of("Host", "upgrade", "CONNECTION", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
                "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Origin", "Content-Length")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WebSocketClient.builder().header(name, "x"), name);
            assertTrue(e.getMessage().contains("set by the WebSocket handshake"), e.getMessage());
        }
    }

    @Test
    void headerValuesCannotInjectLines() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().header("X-A", "1\r\nHost: evil"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().header("X-A", "1\n"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().header("Bad Name", "1"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().origin("https://a\r\nX: y"));
    }

    @Test
    void subprotocolsMustBeDistinctTokens() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().subprotocols("a b"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().subprotocols("a,b"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().subprotocols(""));
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().subprotocols("x", "x"));
    }

    @Test
    void builderChecksTimeoutsAndProxyCredentials() {
        assertThrows(IllegalArgumentException.class,
                () -> WebSocketClient.builder().connectTimeout(java.time.Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> WebSocketClient.builder().handshakeTimeout(java.time.Duration.ofSeconds(-1)));
        assertThrows(IllegalStateException.class,
                () -> WebSocketClient.builder().proxyCredentials("u", "p").build());
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().proxyCredentials("u:x", "p"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketClient.builder().proxy("proxy", 0));
    }

    @Test
    void defaultsAreAsDocumented() {
        WebSocketClient client = WebSocketClient.create();
        assertEquals(java.time.Duration.ofSeconds(10), client.connectTimeout());
        assertEquals(java.time.Duration.ofSeconds(10), client.handshakeTimeout());
        assertEquals(dev.tether.WebSocketConfig.defaults(), client.config());
        assertEquals(List.of(), client.subprotocols());
    }

    @Test
    void extraHeadersKeepTheirOrderAndRepeats() {
        ClientHandshake handshake = new ClientHandshake(WebSocketUri.parse("ws://example.com/"), List.of(), null,
                List.of(Map.entry("X-A", "1"), Map.entry("X-A", "2")));
        String request = new String(handshake.request(), StandardCharsets.ISO_8859_1);
        assertTrue(request.contains("X-A: 1\r\nX-A: 2\r\n"), request);
    }
}
