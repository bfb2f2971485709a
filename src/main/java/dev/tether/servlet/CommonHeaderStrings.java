package dev.tether.servlet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared instances of the header names and values nearly every WebSocket handshake carries
 * ({@code upgrade: websocket}, {@code sec-websocket-version: 13}, ...). A session keeps its handshake's
 * headers as long as it is open, and the container hands out new strings for every request: with these,
 * ten thousand connections share one {@code "sec-websocket-version"} and one {@code List.of("13")} instead
 * of holding ten thousand copies of each. Read-only after class initialisation, so safe to share.
 */
final class CommonHeaderStrings {

    private static final Map<String, String> NAMES = index(
            "host", "upgrade", "connection", "origin", "user-agent", "cookie", "authorization", "pragma",
            "cache-control", "accept", "accept-encoding", "accept-language", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions", "sec-fetch-dest",
            "sec-fetch-mode", "sec-fetch-site", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-real-ip", "forwarded", "via");

    /** Whole values, as one-element lists (the usual shape of a handshake header). */
    private static final Map<String, List<String>> SINGLE_VALUES = singles(
            "websocket", "Upgrade", "upgrade", "keep-alive, Upgrade", "Keep-Alive, Upgrade", "13", "no-cache",
            "permessage-deflate; client_max_window_bits", "websocket, Upgrade", "*/*", "gzip, deflate, br",
            "gzip, deflate, br, zstd");

    private CommonHeaderStrings() {
    }

    /** The shared instance of a lower-case header name equal to {@code name}, or {@code name} itself. */
    static String name(String name) {
        return NAMES.getOrDefault(name, name);
    }

    /** The values of one header, as an unmodifiable list; shared when it is a single common value. */
    static List<String> values(List<String> values) {
        if (values.size() == 1) {
            List<String> shared = SINGLE_VALUES.get(values.get(0));
            if (shared != null) return shared;
        }
        return List.copyOf(values);
    }

    private static Map<String, String> index(String... names) {
        Map<String, String> map = new HashMap<>();
        for (String n : names) map.put(n, n);
        return map;
    }

    private static Map<String, List<String>> singles(String... values) {
        Map<String, List<String>> map = new HashMap<>();
        for (String v : values) map.put(v, List.of(v));
        return map;
    }
}
