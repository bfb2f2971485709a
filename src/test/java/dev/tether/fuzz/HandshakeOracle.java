package dev.tether.fuzz;

import dev.tether.protocol.handshake.HandshakeRequest;
import dev.tether.protocol.handshake.OriginPolicy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server must answer to an opening handshake, written for this test from RFC 6455 §4.2.1-§4.2.2
 * and the check order documented on {@code ServerHandshake}: the first failing check decides (405 for a
 * method other than GET, 400 for a bad HTTP version, Host, Upgrade or Connection, 426 for a version other
 * than 13, 400 for a bad key, 403 for a refused Origin), else 101.
 *
 * <p>Tokens are compared case-insensitively in ASCII only (RFC 9110 §5.6.2: tokens are ASCII, and a
 * Unicode case fold such as U+017F to "S" must not turn another word into "websocket").
 */
final class HandshakeOracle {

    private static final Pattern VERSION = Pattern.compile("HTTP/([0-9]+)(?:\\.([0-9]+))?");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9+/]{22}==");
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** The expected answer: the status, and for 101 the accept key and subprotocol. */
    record Verdict(int status, String accept, String subprotocol) {
    }

    private HandshakeOracle() {
    }

    static Verdict judge(HandshakeRequest request, List<String> supported, OriginPolicy origins) {
        if (!"GET".equals(request.method())) return refused(405);
        if (!isHttp11OrLater1x(request.httpVersion())) return refused(400);

        List<String> hosts = request.headerValues("Host");
        if (hosts.size() != 1 || hosts.get(0).isBlank()) return refused(400);
        if (!hasToken(request.headerValues("Upgrade"), "websocket")) return refused(400);
        if (!hasToken(request.headerValues("Connection"), "upgrade")) return refused(400);

        List<String> versions = request.headerValues("Sec-WebSocket-Version");
        if (versions.size() != 1 || !versions.get(0).trim().equals("13")) return refused(426);

        List<String> keys = request.headerValues("Sec-WebSocket-Key");
        if (keys.size() != 1) return refused(400);
        String key = keys.get(0).trim();
        if (!KEY.matcher(key).matches()) return refused(400);

        List<String> originHeaders = request.headerValues("Origin");
        if (originHeaders.size() > 1) return refused(403);
        String origin = originHeaders.isEmpty() ? null : originHeaders.get(0);
        if (!origins.permits(origin, hosts.get(0).trim(), request.isSecure())) return refused(403);

        String subprotocol = null;
        for (String offer : tokens(request.headerValues("Sec-WebSocket-Protocol"))) {
            if (supported.contains(offer)) {
                subprotocol = offer;
                break;
            }
        }
        return new Verdict(101, acceptKey(key), subprotocol);
    }

    private static Verdict refused(int status) {
        return new Verdict(status, null, null);
    }

    /**
     * HTTP/1.1 or a later 1.x: major version 1 and minor version at least 1. RFC 9112 §2.3 allows one digit
     * each; leading zeros and longer numbers are tolerated as long as they are numbers one can read (an
     * int), while a version like "HTTP/1.99999999999" is no HTTP version at all and gets 400.
     */
    private static boolean isHttp11OrLater1x(String version) {
        if (version == null) return false;
        Matcher m = VERSION.matcher(version.trim());
        if (!m.matches()) return false;
        BigInteger major = new BigInteger(m.group(1));
        BigInteger minor = m.group(2) == null ? BigInteger.ZERO : new BigInteger(m.group(2));
        if (major.bitLength() > 31 || minor.bitLength() > 31) return false;
        return major.equals(BigInteger.ONE) && minor.signum() > 0;
    }

    private static boolean hasToken(List<String> values, String token) {
        for (String t : tokens(values)) {
            if (FuzzedHandshakeRequest.asciiEqualsIgnoreCase(t, token)) return true;
        }
        return false;
    }

    /** Comma-separated tokens of every value, trimmed, empty ones dropped. */
    private static List<String> tokens(List<String> values) {
        List<String> tokens = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",", -1)) {
                String t = part.trim();
                if (!t.isEmpty()) tokens.add(t);
            }
        }
        return tokens;
    }

    static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
