package dev.tether.examples;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The name a chat member asked for in the connection URL ({@code /ws-chatroom?name=alice}), made safe to
 * show: control characters removed, white space collapsed, at most {@value #MAX_LENGTH} characters.
 */
final class ChatNames {

    static final int MAX_LENGTH = 32;

    private ChatNames() {
    }

    /** The requested name, or null when the query asks for none (or only for an unusable one). */
    static String fromQuery(String query) {
        if (query == null) return null;
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("name=")) return clean(decode(parameter.substring(5)));
        }
        return null;
    }

    static String clean(String requested) {
        if (requested == null) return null;
        StringBuilder name = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < requested.length(); ) {
            int c = requested.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = name.length() > 0;
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
                int needed = (space ? 1 : 0) + Character.charCount(c);
                if (name.length() + needed > MAX_LENGTH) break;
                if (space) name.append(' ');
                space = false;
                name.appendCodePoint(c);
            }
        }
        return name.length() == 0 ? null : name.toString();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }
}
