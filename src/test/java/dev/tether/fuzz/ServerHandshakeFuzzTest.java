package dev.tether.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tether.protocol.handshake.HandshakeResponse;
import dev.tether.protocol.handshake.OriginPolicy;
import dev.tether.protocol.handshake.ServerHandshake;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ServerHandshake#evaluate} on arbitrary requests (methods, versions, header lines added, removed
 * and replaced, in any case, with arbitrary values): it never throws, answers 101, 400, 403, 405 or 426,
 * exactly the status {@link HandshakeOracle} says (so 101 only for a valid request), with the right
 * accept key and subprotocol on 101, {@code Allow} on 405, {@code Sec-WebSocket-Version} on 426, and
 * nothing in its headers or body that could break the HTTP response (control characters, unbounded echo).
 *
 * <p>Input layout: flags (bit 0 TLS; bits 1-2 origin policy: same-origin, allow-list, any; bits 3-5 which of
 * three subprotocols the server supports; bit 6 arbitrary strings are UTF-8 rather than ISO-8859-1),
 * then operations on the RFC 6455 §1.3 example request until the input ends: op byte (mod 5: set method,
 * set version, add a header line, remove a header, replace a header) and its choices (an index into a
 * list of telling values, or beyond the list a length-prefixed arbitrary string).
 */
class ServerHandshakeFuzzTest {

    private static final Set<Integer> STATUSES = Set.of(101, 400, 403, 405, 426);
    private static final String[] SUBPROTOCOLS = {"chat", "superchat", "v2.json"};
    private static final List<String> ALLOWED_ORIGINS = List.of("https://app.example.com", "http://localhost:8080");

    static final String[] METHODS = {"GET", "POST", "get", "HEAD", "CONNECT", "GET "};
    static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/2", "HTTP/1", "HTTP/1.2", "http/1.1",
        " HTTP/1.1 ", "HTTP/01.1", "HTTP/1.01", "HTTP/1.10", "HTTP/1.99999999999", "HTTP/99999999999.1", "HTTP/", ""};
    static final String[] NAMES = {"Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
        "Origin", "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "host", "UPGRADE", "connection",
        "sec-websocket-key", "SEC-WEBSOCKET-VERSION", "origin", "sec-websocket-protocol", "X-Forwarded-Proto"};
    static final String[] VALUES = {"websocket", "WebSocket", "Upgrade", "upgrade", "keep-alive, Upgrade", "Upgrade,keep-alive",
        "websocket, h2c", "h2c", "websockets", "13", "8", "13, 8", " 13 ", "013", FuzzedHandshakeRequest.RFC_KEY,
        "x3JJHMbDL1EzLkh9GBhXDw==", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ==x", "AAAAAAAAAAAAAAAAAAAAAB==",
        "server.example.com", "server.example.com:80", "server.example.com:443", "SERVER.example.com", "[::1]:8080", "[::1]",
        "localhost:8080", "app.example.com", "http://server.example.com", "https://server.example.com",
        "http://server.example.com:80", "http://server.example.com:8080", "http://server.example.com/", "http://server.example.com/path",
        "null", "https://app.example.com", "http://localhost:8080", "ws://server.example.com", "file://",
        "chat", "superchat, chat", "v2.json", "chat,,superchat", "Chat", "", " ", ",", "\t", "permessage-deflate"};

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void answersExactlyAsTheRfcSays(byte[] data) {
        FuzzInput in = new FuzzInput(data);
        int flags = in.u8();
        FuzzedHandshakeRequest request = FuzzedHandshakeRequest.rfcExample();
        request.secure = (flags & 1) != 0;
        OriginPolicy origins = policy((flags >>> 1) & 3);
        List<String> supported = new ArrayList<>();
        for (int i = 0; i < SUBPROTOCOLS.length; i++) {
            if ((flags & (8 << i)) != 0) supported.add(SUBPROTOCOLS[i]);
        }
        boolean utf8 = (flags & 0x40) != 0;

        while (!in.isEmpty()) {
            switch (in.u8() % 5) {
                case 0:
                    request.method = pick(in, METHODS, utf8);
                    break;
                case 1:
                    request.version = pick(in, VERSIONS, utf8);
                    break;
                case 2:
                    request.add(pick(in, NAMES, utf8), pick(in, VALUES, utf8));
                    break;
                case 3:
                    request.remove(pick(in, NAMES, utf8));
                    break;
                default: {
                    String name = pick(in, NAMES, utf8);
                    request.remove(name);
                    request.add(name, pick(in, VALUES, utf8));
                }
            }
        }

        HandshakeResponse response = ServerHandshake.evaluate(request, List.copyOf(supported), origins);
        HandshakeOracle.Verdict expected = HandshakeOracle.judge(request, supported, origins);
        String context = request + " -> " + response;
        assertTrue(STATUSES.contains(response.status()), () -> "status " + response.status() + ": " + context);
        assertEquals(expected.status(), response.status(), () -> "status: " + context);
        assertEquals(response.status() == 101, response.accepted(), "accepted() agrees with the status");

        Map<String, String> headers = response.headers();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            assertTrue(isSafeHeaderText(h.getKey()) && isSafeHeaderText(h.getValue()), () -> "unsafe header " + h + ": " + context);
        }
        if (response.accepted()) {
            assertEquals("websocket", headers.get("Upgrade"), context);
            assertEquals("Upgrade", headers.get("Connection"), context);
            assertEquals(expected.accept(), headers.get("Sec-WebSocket-Accept"), context);
            assertEquals(expected.subprotocol(), response.subprotocol(), context);
            assertEquals(expected.subprotocol(), headers.get("Sec-WebSocket-Protocol"), context);
            assertFalse(headers.containsKey("Sec-WebSocket-Extensions"), context);
            assertEquals("", response.body(), context);
        } else {
            assertFalse(headers.containsKey("Sec-WebSocket-Accept"), context);
            assertEquals(null, response.subprotocol(), context);
            if (response.status() == 405) assertEquals("GET", headers.get("Allow"), context);
            if (response.status() == 426) assertEquals("13", headers.get("Sec-WebSocket-Version"), context);
            String body = response.body();
            assertFalse(body.isEmpty(), () -> "a refusal explains itself: " + context);
            assertTrue(body.length() <= 400, () -> "body of " + body.length() + " chars: " + context);
            assertTrue(body.chars().allMatch(c -> c >= 0x20 && c < 0x7F), () -> "body is printable ASCII: " + context);
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void originPolicyNeverThrows(byte[] data) {
        FuzzInput in = new FuzzInput(data);
        int flags = in.u8();
        boolean utf8 = (flags & 0x40) != 0;
        String origin = (flags & 0x80) != 0 ? null : pick(in, VALUES, utf8);
        String host = pick(in, VALUES, utf8);
        for (int p = 0; p < 3; p++) {
            boolean permitted = policy(p).permits(origin, host, (flags & 1) != 0);
            if (origin == null) assertTrue(permitted, "no Origin header (not a browser) is always permitted");
            if ("null".equals(origin) && p != 2) assertFalse(permitted, "the opaque origin is only permitted by any()");
            if (p == 2) assertTrue(permitted, "any() permits every origin");
        }
    }

    private static OriginPolicy policy(int choice) {
        switch (choice) {
            case 1:
                return OriginPolicy.allowing(ALLOWED_ORIGINS);
            case 2:
                return OriginPolicy.any();
            default:
                return OriginPolicy.sameOrigin();
        }
    }

    /** A value from the list, or (for an index beyond it) an arbitrary length-prefixed string. */
    private static String pick(FuzzInput in, String[] list, boolean utf8) {
        int index = in.u8();
        if (index < list.length) return list[index];
        byte[] raw = in.lengthPrefixed();
        return new String(raw, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** No CR, LF or other control characters (they would split or corrupt the response head). */
    private static boolean isSafeHeaderText(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c != 0x7F);
    }
}
