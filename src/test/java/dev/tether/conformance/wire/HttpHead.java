package dev.tether.conformance.wire;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start line and headers of an HTTP/1.1 request or response, read byte by byte so that not one byte
 * after the blank line is consumed (frames may follow right behind a 101). Header names are kept in
 * lower case; repeated lines keep every value.
 */
public final class HttpHead {

    private static final int MAX_HEAD = 16 * 1024;

    private final String startLine;
    private final Map<String, List<String>> headers;

    private HttpHead(String startLine, Map<String, List<String>> headers) {
        this.startLine = startLine;
        this.headers = headers;
    }

    /** Reads up to and including the blank line; {@link EOFException} when the stream ends first. */
    public static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int last4 = 0; // the last four bytes read, to spot CR LF CR LF
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(raw.size() == 0 ? "connection closed before any response"
                        : "connection closed inside the HTTP head: " + raw.toString(StandardCharsets.ISO_8859_1));
            }
            raw.write(b);
            if (raw.size() > MAX_HEAD) throw new IOException("HTTP head longer than " + MAX_HEAD + " bytes");
            last4 = (last4 << 8) | b;
        }
        String text = raw.toString(StandardCharsets.ISO_8859_1);
        String[] lines = text.substring(0, text.length() - 4).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) throw new IOException("malformed header line: " + lines[i]);
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new HttpHead(lines[0], headers);
    }

    public String startLine() {
        return startLine;
    }

    /** The status code of a response, or -1 when the start line is not a status line. */
    public int status() {
        String[] parts = startLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) return -1;
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headerValues(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    /** Whether a comma-separated header holds a token, compared case-insensitively. */
    public boolean headerHasToken(String name, String token) {
        for (String value : headerValues(name)) {
            for (String t : value.split(",")) {
                if (t.trim().equalsIgnoreCase(token)) return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(startLine);
        headers.forEach((k, vs) -> vs.forEach(v -> s.append(" | ").append(k).append(": ").append(v)));
        return s.toString();
    }
}
