package dev.tether.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a handshake is accepted or refused, with its status, headers and explanation. */
class ServerHandshakeStatusTest {

    private static HandshakeResponse evaluate(FakeRequest request) {
        return ServerHandshake.evaluate(request, List.of(), OriginPolicy.sameOrigin());
    }

    private static void assertRefused(HandshakeResponse response, int status, String bodyPart) {
        assertFalse(response.accepted(), response.toString());
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.body().contains(bodyPart), "body \"" + response.body() + "\" should mention " + bodyPart);
        assertEquals("text/plain; charset=utf-8", response.headers().get("Content-Type"));
        assertFalse(response.headers().containsKey("Sec-WebSocket-Accept"));
        assertNull(response.subprotocol());
    }

    @Test
    void rfcExampleIsAcceptedWithTheRfcAcceptKey() {
        HandshakeResponse response = evaluate(FakeRequest.valid());
        assertTrue(response.accepted());
        assertEquals(101, response.status());
        assertEquals(List.of("Upgrade", "Connection", "Sec-WebSocket-Accept"), List.copyOf(response.headers().keySet()));
        assertEquals("websocket", response.headers().get("Upgrade"));
        assertEquals("Upgrade", response.headers().get("Connection"));
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", response.headers().get("Sec-WebSocket-Accept"));
        assertEquals("", response.body());
        assertNull(response.subprotocol());
    }

    @Test
    void extensionsAreNeverAccepted() {
        HandshakeResponse response = evaluate(FakeRequest.valid().header("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"));
        assertTrue(response.accepted());
        assertFalse(response.headers().containsKey("Sec-WebSocket-Extensions"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "HEAD", "get", "CONNECT"})
    void methodOtherThanGetIs405WithAllow(String method) {
        HandshakeResponse response = evaluate(FakeRequest.valid().method(method));
        assertRefused(response, 405, "GET");
        assertEquals("GET", response.headers().get("Allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/0.9", "HTTP/1", "HTTP/2", "HTTP/2.0", "HTTP/3", "", "http/1.1", "HTTP/x.y"})
    void httpVersionOtherThan1_1Is400(String version) {
        assertRefused(evaluate(FakeRequest.valid().version(version)), 400, "HTTP");
    }

    @Test
    void laterHttp1MinorVersionIsAccepted() {
        assertTrue(evaluate(FakeRequest.valid().version("HTTP/1.2")).accepted());
    }

    @Test
    void hostMissingOrRepeatedIs400() {
        assertRefused(evaluate(FakeRequest.valid().without("Host")), 400, "Host");
        assertRefused(evaluate(FakeRequest.valid().replace("Host", " ")), 400, "Host");
        assertRefused(evaluate(FakeRequest.valid().header("Host", "other.example.com")), 400, "more than one Host");
    }

    @Test
    void upgradeWithoutWebsocketTokenIs400() {
        assertRefused(evaluate(FakeRequest.valid().without("Upgrade")), 400, "Upgrade");
        assertRefused(evaluate(FakeRequest.valid().replace("Upgrade", "h2c")), 400, "Upgrade");
        assertRefused(evaluate(FakeRequest.valid().replace("Upgrade", "websockets")), 400, "Upgrade");
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "WebSocket", "WEBSOCKET", "h2c, websocket", "websocket ,foo", " websocket "})
    void upgradeTokenIsCaseInsensitiveInCommaLists(String value) {
        assertTrue(evaluate(FakeRequest.valid().replace("Upgrade", value)).accepted(), value);
    }

    @Test
    void upgradeTokenInASecondHeaderLineCounts() {
        assertTrue(evaluate(FakeRequest.valid().replace("Upgrade", "h2c").header("Upgrade", "websocket")).accepted());
    }

    @Test
    void connectionWithoutUpgradeTokenIs400() {
        assertRefused(evaluate(FakeRequest.valid().without("Connection")), 400, "Connection");
        assertRefused(evaluate(FakeRequest.valid().replace("Connection", "keep-alive")), 400, "Connection");
        assertRefused(evaluate(FakeRequest.valid().replace("Connection", "keep-alive, upgraded")), 400, "Connection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upgrade", "upgrade", "UPGRADE", "keep-alive, Upgrade", "Upgrade,keep-alive", "keep-alive,  upgrade  "})
    void connectionTokenIsCaseInsensitiveInCommaLists(String value) {
        assertTrue(evaluate(FakeRequest.valid().replace("Connection", value)).accepted(), value);
    }

    @Test
    void connectionTokenInAnyOfSeveralHeaderLinesCounts() {
        assertTrue(evaluate(FakeRequest.valid().replace("Connection", "keep-alive").header("Connection", "Upgrade")).accepted());
    }

    @Test
    void keyMissingRepeatedOrMalformedIs400() {
        assertRefused(evaluate(FakeRequest.valid().without("Sec-WebSocket-Key")), 400, "missing Sec-WebSocket-Key");
        assertRefused(evaluate(FakeRequest.valid().header("Sec-WebSocket-Key", FakeRequest.RFC_KEY)), 400, "more than one");
        String[] bad = {"", "abc", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ==AA", "dGhlIHNhbXBsZSBub25jZSE=",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "!!!!!!!!!!!!!!!!!!!!!!==", "dGhlIHNhbXBsZSBub25jZQ==, dGhlIHNhbXBsZSBub25jZQ=="};
        for (String key : bad) {
            assertRefused(evaluate(FakeRequest.valid().replace("Sec-WebSocket-Key", key)), 400, "Sec-WebSocket-Key");
        }
    }

    @Test
    void keyWithSurroundingWhitespaceIsAccepted() {
        HandshakeResponse response = evaluate(FakeRequest.valid().replace("Sec-WebSocket-Key", " " + FakeRequest.RFC_KEY + " "));
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", response.headers().get("Sec-WebSocket-Accept"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "12", "14", "13, 8", "013", "", "thirteen"})
    void versionOtherThan13Is426WithTheSupportedVersion(String version) {
        HandshakeResponse response = evaluate(FakeRequest.valid().replace("Sec-WebSocket-Version", version));
        assertRefused(response, 426, "13");
        assertEquals("13", response.headers().get("Sec-WebSocket-Version"));
    }

    @Test
    void versionMissingOrRepeatedIs426() {
        HandshakeResponse missing = evaluate(FakeRequest.valid().without("Sec-WebSocket-Version"));
        assertRefused(missing, 426, "missing Sec-WebSocket-Version");
        assertEquals("13", missing.headers().get("Sec-WebSocket-Version"));
        assertRefused(evaluate(FakeRequest.valid().header("Sec-WebSocket-Version", "8")), 426, "13");
    }

    @Test
    void originRefusedIs403() {
        HandshakeResponse response = evaluate(FakeRequest.valid().header("Origin", "https://evil.example"));
        assertRefused(response, 403, "https://evil.example");
        assertRefused(evaluate(FakeRequest.valid().header("Origin", "null")), 403, "null");
        assertRefused(evaluate(FakeRequest.valid().header("Origin", "http://server.example.com").header("Origin", "http://server.example.com")),
                403, "more than one Origin");
    }

    @Test
    void sameOriginIsAccepted() {
        assertTrue(evaluate(FakeRequest.valid().header("Origin", "http://server.example.com")).accepted());
        assertTrue(evaluate(FakeRequest.valid().secure(true).header("Origin", "https://server.example.com")).accepted());
    }

    @Test
    void orderOfChecks() {
        // Everything wrong at once: the method decides.
        FakeRequest allWrong = new FakeRequest().method("POST").version("HTTP/1.0").header("Origin", "https://evil.example");
        assertEquals(405, evaluate(allWrong).status());
        // A malformed request is 400 before version negotiation and before the origin.
        FakeRequest noHost = FakeRequest.valid().without("Host").replace("Sec-WebSocket-Version", "8").header("Origin", "https://evil.example");
        assertEquals(400, evaluate(noHost).status());
        FakeRequest http10 = FakeRequest.valid().version("HTTP/1.0").replace("Sec-WebSocket-Version", "8");
        assertEquals(400, evaluate(http10).status());
        // Version before key: an old client learns the version even if its key is of another kind.
        FakeRequest oldClient = FakeRequest.valid().without("Sec-WebSocket-Key").replace("Sec-WebSocket-Version", "8");
        assertEquals(426, evaluate(oldClient).status());
        // Key before origin.
        FakeRequest badKeyAndOrigin = FakeRequest.valid().replace("Sec-WebSocket-Key", "x").header("Origin", "https://evil.example");
        assertEquals(400, evaluate(badKeyAndOrigin).status());
    }

    @Test
    void echoedValuesAreBoundedAndPrintable() {
        String huge = "k".repeat(5000) + "\r\nX: y";
        HandshakeResponse response = evaluate(FakeRequest.valid().replace("Sec-WebSocket-Key", huge));
        assertEquals(400, response.status());
        assertTrue(response.body().length() < 300, response.body());
        HandshakeResponse evil = evaluate(FakeRequest.valid().header("Origin", "https://e\u0000vil\n.example"));
        assertFalse(evil.body().contains("\n") || evil.body().contains("\u0000"), evil.body());
    }
}
