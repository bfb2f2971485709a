package dev.tether.protocol.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A handshake request built in tests; starts as a valid RFC 6455 §1.3 request and is then spoiled. */
final class FakeRequest implements HandshakeRequest {
    static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private String method = "GET";
    private String version = "HTTP/1.1";
    private boolean secure;
    /** Header lines in order: name, value. */
    private final List<String[]> lines = new ArrayList<>();

    static FakeRequest valid() {
        return new FakeRequest()
                .header("Host", "server.example.com")
                .header("Upgrade", "websocket")
                .header("Connection", "Upgrade")
                .header("Sec-WebSocket-Key", RFC_KEY)
                .header("Sec-WebSocket-Version", "13");
    }

    FakeRequest method(String m) {
        method = m;
        return this;
    }

    FakeRequest version(String v) {
        version = v;
        return this;
    }

    FakeRequest secure(boolean s) {
        secure = s;
        return this;
    }

    FakeRequest header(String name, String value) {
        lines.add(new String[] {name, value});
        return this;
    }

    FakeRequest without(String name) {
        lines.removeIf(l -> l[0].equalsIgnoreCase(name));
        return this;
    }

    FakeRequest replace(String name, String value) {
        return without(name).header(name, value);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String httpVersion() {
        return version;
    }

    @Override
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        for (String[] l : lines) {
            if (l[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) values.add(l[1]);
        }
        return values;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }
}
