package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.RawWebSocket;
import dev.tether.testing.RawWebSocket.Response;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests the servlet must refuse, with the right status, and without ever starting a handler. */
class HandshakeRefusalTest extends EndToEndTest {

    private final BlockingQueue<String> handlersStarted = new LinkedBlockingQueue<>();

    @Override
    void register(EndpointRegistry registry) {
        registry.register(Endpoint.of("/echo", ws -> {
            handlersStarted.add(ws.path());
            ws.runWith(ws::sendMessage);
        }));
    }

    @AfterEach
    void noHandlerStarted() {
        assertNull(handlersStarted.poll(), "a refused request started a handler");
    }

    private static String upgrade(EmbeddedContainer c, String method, String path, String key, String extra) {
        return method + " " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + c.port() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + extra
                + "Connection: close\r\n\r\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void plainGetIs426WithUpgradeHeader(EmbeddedContainer c) throws Exception {
        Response r = RawWebSocket.request(c, "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(426, r.status());
        assertEquals("websocket", r.header("upgrade"));
        assertTrue(r.body().contains("WebSocket"), r.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void plainPostIs405(EmbeddedContainer c) throws Exception {
        Response r = RawWebSocket.request(c, "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(405, r.status());
        assertEquals("GET", r.header("allow"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void badKeyIs400(EmbeddedContainer c) throws Exception {
        Response r = RawWebSocket.request(c, upgrade(c, "GET", "/echo", "not-a-key", "Sec-WebSocket-Version: 13\r\n"));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Sec-WebSocket-Key"), r.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void unknownPathIs404(EmbeddedContainer c) throws Exception {
        Response r = RawWebSocket.request(c, upgrade(c, "GET", "/nothing-here", RawWebSocket.newKey(), "Sec-WebSocket-Version: 13\r\n"));
        assertEquals(404, r.status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void unsupportedVersionIs426WithVersion13(EmbeddedContainer c) throws Exception {
        Response r = RawWebSocket.request(c, upgrade(c, "GET", "/echo", RawWebSocket.newKey(), "Sec-WebSocket-Version: 8\r\n"));
        assertEquals(426, r.status());
        assertEquals("13", r.header("sec-websocket-version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void foreignOriginIs403(EmbeddedContainer c) throws Exception {
        Response r = RawWebSocket.request(c, upgrade(c, "GET", "/echo", RawWebSocket.newKey(),
                "Sec-WebSocket-Version: 13\r\nOrigin: https://evil.example\r\n"));
        assertEquals(403, r.status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void sameOriginIsAccepted(EmbeddedContainer c) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(c, "/echo")) {
            assertEquals(101, ws.handshake().status());
            assertEquals("websocket", ws.handshake().header("upgrade").toLowerCase());
            assertTrue(ws.handshake().header("connection").toLowerCase().contains("upgrade"));
            assertEquals(1, ws.handshake().headers().get("sec-websocket-accept").size());
        }
        assertEquals("/echo", handlersStarted.poll(java.time.Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }
}
