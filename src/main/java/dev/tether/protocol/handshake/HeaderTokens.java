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

    /**
     * Whether any value holds {@code token}, compared case-insensitively in ASCII only: tokens are ASCII
     * (RFC 9110 §5.6.2), and {@link String#equalsIgnoreCase}'s Unicode folding would read "webſocket"
     * (U+017F) or "websoc\u212Aet" (Kelvin sign) as "websocket", an upgrade a proxy in front does not see.
     */
    public static boolean contains(Iterable<String> values, String token) {
        for (String t : split(values)) {
            if (asciiEqualsIgnoreCase(t, token)) return true;
        }
        return false;
    }

    private static boolean asciiEqualsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) return false;
        for (int i = 0; i < a.length(); i++) {
            if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) return false;
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
