package dev.tether.fuzz;

import dev.tether.protocol.handshake.HandshakeRequest;
import java.util.ArrayList;
import java.util.List;

/** A handshake request made of whatever header lines the fuzz input chose, in order. */
final class FuzzedHandshakeRequest implements HandshakeRequest {

    static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    String method = "GET";
    String version = "HTTP/1.1";
    boolean secure;
    /** Header lines in order: {name, value}. */
    final List<String[]> lines = new ArrayList<>();

    /** The request of RFC 6455 §1.3, which the fuzz input then changes. */
    static FuzzedHandshakeRequest rfcExample() {
        FuzzedHandshakeRequest r = new FuzzedHandshakeRequest();
        r.add("Host", "server.example.com");
        r.add("Upgrade", "websocket");
        r.add("Connection", "Upgrade");
        r.add("Sec-WebSocket-Key", RFC_KEY);
        r.add("Sec-WebSocket-Version", "13");
        return r;
    }

    void add(String name, String value) {
        lines.add(new String[] {name, value});
    }

    void remove(String name) {
        lines.removeIf(l -> asciiEqualsIgnoreCase(l[0], name));
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String httpVersion() {
        return version;
    }

    /** Header names match case-insensitively in ASCII only, as HTTP field names are ASCII tokens. */
    @Override
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        for (String[] l : lines) {
            if (asciiEqualsIgnoreCase(l[0], name)) values.add(l[1]);
        }
        return values;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    static boolean asciiEqualsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) return false;
        for (int i = 0; i < a.length(); i++) {
            if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) return false;
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(method + " " + version + (secure ? " (TLS)" : ""));
        for (String[] l : lines) s.append(" | ").append(l[0]).append(": ").append(l[1]);
        return s.toString();
    }
}
