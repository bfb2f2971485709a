package dev.tether.protocol.handshake;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated HTTP header values ({@code Connection: keep-alive, Upgrade}) split into tokens. */
public final class HeaderTokens {

    private HeaderTokens() {
    }

    /** Every non-empty, trimmed token of every value, in order. */
    public static List<String> split(Iterable<String> values) {
        List<String> tokens = new ArrayList<>();
        if (values == null) return tokens;
        for (String value : values) {
            if (value == null) continue;
            for (String part : value.split(",")) {
                String token = part.trim();
                if (!token.isEmpty()) tokens.add(token);
            }
        }
        return tokens;
    }

    /** Whether any value holds {@code token}, compared case-insensitively. */
    public static boolean contains(Iterable<String> values, String token) {
        for (String t : split(values)) {
            if (t.equalsIgnoreCase(token)) return true;
        }
        return false;
    }
}
