package dev.tether.protocol.handshake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the server side of the opening handshake (RFC 6455 §4.2.1, §4.2.2), without I/O.
 *
 * <p>The checks run in this order, and the first failure decides the answer:
 * <ol>
 *   <li>method is GET, else 405 with {@code Allow: GET};</li>
 *   <li>HTTP/1.1 (or a later 1.x), else 400; an HTTP/2 connection cannot be upgraded this way
 *       (that would need RFC 8441, which is not supported), so HTTP/2 and later are 400 as well;</li>
 *   <li>exactly one {@code Host}, else 400;</li>
 *   <li>{@code Upgrade} holds the token {@code websocket}, else 400;</li>
 *   <li>{@code Connection} holds the token {@code upgrade}, else 400;</li>
 *   <li>{@code Sec-WebSocket-Version} is exactly {@code 13}, else 426 with {@code Sec-WebSocket-Version: 13}
 *       (before the key: a client of another protocol version learns which one to speak);</li>
 *   <li>exactly one {@code Sec-WebSocket-Key}, base64 of 16 bytes, else 400;</li>
 *   <li>the {@code Origin} (at most one) is permitted by the policy, else 403.</li>
 * </ol>
 * So a malformed HTTP request is 400 before version negotiation and before the origin is judged.
 * Tokens are compared case-insensitively, and comma lists and repeated header lines both count.
 *
 * <p>The subprotocol is the first one the client offers (in the client's order, across all
 * {@code Sec-WebSocket-Protocol} lines and comma lists) that the server supports, compared exactly
 * (subprotocol names are case-sensitive tokens); when there is none, no header is sent. Extensions are
 * never accepted: the response has no {@code Sec-WebSocket-Extensions}.
 */
public final class ServerHandshake {

    private static final Pattern HTTP_VERSION = Pattern.compile("HTTP/(\\d+)(?:\\.(\\d+))?");
    private static final int MAX_ECHO = 100;

    private ServerHandshake() {
    }

    public static HandshakeResponse evaluate(HandshakeRequest request, List<String> supportedSubprotocols, OriginPolicy origins) {
        String method = request.method();
        if (!"GET".equals(method)) {
            return refuse(405, "WebSocket handshake requires GET, not " + echo(method), "Allow", "GET");
        }

        String versionProblem = httpVersionProblem(request.httpVersion());
        if (versionProblem != null) return refuse(400, versionProblem);

        List<String> hosts = request.headerValues("Host");
        if (hosts.isEmpty() || hosts.get(0) == null || hosts.get(0).isBlank()) return refuse(400, "missing Host header");
        if (hosts.size() > 1) return refuse(400, "more than one Host header");
        String host = hosts.get(0).trim();

        if (!HeaderTokens.contains(request.headerValues("Upgrade"), "websocket")) {
            return refuse(400, "Upgrade header must include \"websocket\"");
        }
        if (!HeaderTokens.contains(request.headerValues("Connection"), "upgrade")) {
            return refuse(400, "Connection header must include \"Upgrade\"");
        }

        List<String> versions = request.headerValues("Sec-WebSocket-Version");
        if (versions.isEmpty()) {
            return refuse(426, "missing Sec-WebSocket-Version header; this server speaks version 13",
                    "Upgrade", "websocket", "Sec-WebSocket-Version", "13");
        }
        if (versions.size() != 1 || versions.get(0) == null || !versions.get(0).trim().equals("13")) {
            return refuse(426, "unsupported Sec-WebSocket-Version " + echo(String.join(", ", versions))
                    + "; this server speaks version 13", "Upgrade", "websocket", "Sec-WebSocket-Version", "13");
        }

        List<String> keys = request.headerValues("Sec-WebSocket-Key");
        if (keys.isEmpty()) return refuse(400, "missing Sec-WebSocket-Key header");
        if (keys.size() > 1) return refuse(400, "more than one Sec-WebSocket-Key header");
        String key = keys.get(0) == null ? "" : keys.get(0).trim();
        if (!AcceptKey.isValidClientKey(key)) {
            return refuse(400, "Sec-WebSocket-Key must be base64 of 16 bytes: " + echo(key));
        }

        List<String> originHeaders = request.headerValues("Origin");
        if (originHeaders.size() > 1) return refuse(403, "more than one Origin header");
        String origin = originHeaders.isEmpty() ? null : originHeaders.get(0);
        if (!origins.permits(origin, host, request.isSecure())) {
            return refuse(403, "Origin " + echo(origin) + " is not allowed");
        }

        String subprotocol = chooseSubprotocol(request.headerValues("Sec-WebSocket-Protocol"), supportedSubprotocols);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Accept", AcceptKey.of(key));
        if (subprotocol != null) headers.put("Sec-WebSocket-Protocol", subprotocol);
        return HandshakeResponse.accept(headers, subprotocol);
    }

    /** Why the version on the request line cannot be upgraded, or null when it can. */
    private static String httpVersionProblem(String version) {
        Matcher m = version == null ? null : HTTP_VERSION.matcher(version.trim());
        if (m == null || !m.matches()) return "unrecognised HTTP version " + echo(version);
        int major;
        int minor;
        try {
            major = Integer.parseInt(m.group(1));
            minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return "unrecognised HTTP version " + echo(version);
        }
        if (major < 1 || (major == 1 && minor < 1)) return "WebSocket requires HTTP/1.1 or later, not " + echo(version);
        if (major > 1) return "WebSocket upgrade requires HTTP/1.1; " + echo(version) + " connections cannot be upgraded";
        return null;
    }

    /** The first offer of the client that the server supports, or null. */
    static String chooseSubprotocol(List<String> offerHeaders, List<String> supported) {
        if (supported == null || supported.isEmpty()) return null;
        for (String offer : HeaderTokens.split(offerHeaders)) {
            if (supported.contains(offer)) return offer;
        }
        return null;
    }

    private static HandshakeResponse refuse(int status, String body, String... extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) headers.put(extraHeaders[i], extraHeaders[i + 1]);
        headers.put("Content-Type", "text/plain; charset=utf-8");
        return HandshakeResponse.refuse(status, headers, body);
    }

    /** A client-supplied value for an error message: quoted, bounded, printable ASCII only. */
    private static String echo(String value) {
        if (value == null) return "(none)";
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < value.length() && i < MAX_ECHO; i++) {
            char c = value.charAt(i);
            s.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        if (value.length() > MAX_ECHO) s.append("...");
        return s.append('"').toString();
    }
}
