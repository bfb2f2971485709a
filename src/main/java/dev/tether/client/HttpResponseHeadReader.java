package dev.tether.client;

import dev.tether.WebSocketHandshakeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the head of an HTTP/1.x response (status line and headers) and nothing more, so that bytes the
 * server sends right after it, such as the first WebSocket frames after a 101, stay in the stream for
 * whoever reads next. Reads byte by byte: give it a buffered stream, and keep reading from that stream.
 *
 * <p>Bounded: a head larger than {@link #MAX_HEAD_BYTES} is refused, so a hostile or confused server
 * cannot make us buffer without limit. Lines end in CRLF; a bare LF is tolerated (RFC 9112 §2.2).
 * Failures are {@link WebSocketHandshakeException}s with status -1 when no status line was read.
 */
public final class HttpResponseHeadReader {

    /** Largest status line plus headers accepted. */
    public static final int MAX_HEAD_BYTES = 16 * 1024;

    private final InputStream in;
    private final String peer;
    private int bytesRead;

    /**
     * @param in where the response comes from
     * @param peer who sends it, for error messages ("server example.com:443", "proxy 10.0.0.1:3128")
     */
    public HttpResponseHeadReader(InputStream in, String peer) {
        this.in = in;
        this.peer = peer;
    }

    /** Reads one response head. */
    public HttpResponseHead read() throws IOException {
        String statusLine = readLine(-1);
        if (statusLine == null) {
            throw new WebSocketHandshakeException(peer + " closed the connection without an HTTP response", -1, "");
        }
        HttpResponseHead partial = parseStatusLine(statusLine);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        while (true) {
            String line = readLine(partial.status());
            if (line == null) {
                throw new WebSocketHandshakeException(peer + " closed the connection in the middle of the HTTP response head",
                        partial.status(), "");
            }
            if (line.isEmpty()) break;
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw malformed("folded header line (obsolete, RFC 9112 §5.2)", partial.status());
            }
            int colon = line.indexOf(':');
            if (colon <= 0) throw malformed("header line without a name: " + quote(line), partial.status());
            String name = line.substring(0, colon);
            if (!isToken(name)) throw malformed("invalid header name: " + quote(name), partial.status());
            String value = line.substring(colon + 1).strip();
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(value);
        }
        return new HttpResponseHead(partial.version(), partial.status(), partial.reason(), headers);
    }

    private HttpResponseHead parseStatusLine(String line) throws WebSocketHandshakeException {
        // HTTP-version SP status-code SP [reason-phrase]
        int firstSpace = line.indexOf(' ');
        if (firstSpace < 0 || !line.startsWith("HTTP/1.")) {
            throw malformed("not an HTTP/1.x status line: " + quote(line), -1);
        }
        String version = line.substring(0, firstSpace);
        String rest = line.substring(firstSpace + 1);
        int secondSpace = rest.indexOf(' ');
        String code = secondSpace < 0 ? rest : rest.substring(0, secondSpace);
        if (code.length() != 3 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))
                || !Character.isDigit(code.charAt(2))) {
            throw malformed("invalid status code in " + quote(line), -1);
        }
        String reason = secondSpace < 0 ? "" : rest.substring(secondSpace + 1).strip();
        return new HttpResponseHead(version, Integer.parseInt(code), reason, Map.of());
    }

    /** One line without its terminator; null at end of stream before any byte of the line. */
    private String readLine(int status) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) return null;
                throw new WebSocketHandshakeException(peer + " closed the connection in the middle of the HTTP response head",
                        status, "");
            }
            if (++bytesRead > MAX_HEAD_BYTES) {
                throw new WebSocketHandshakeException("HTTP response head from " + peer + " is larger than "
                        + MAX_HEAD_BYTES + " bytes", status, "");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                // Header values are ISO-8859-1 octets (RFC 9110 §5.5); no byte can make decoding fail.
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }

    private WebSocketHandshakeException malformed(String what, int status) {
        return new WebSocketHandshakeException("malformed HTTP response from " + peer + ": " + what, status, "");
    }

    private static String quote(String s) {
        String shown = s.length() > 100 ? s.substring(0, 100) + "…" : s;
        return "\"" + shown + "\"";
    }

    /** RFC 9110 §5.6.2 token characters. */
    static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }
}
