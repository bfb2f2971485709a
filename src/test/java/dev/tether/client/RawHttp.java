package dev.tether.client;

import dev.tether.protocol.handshake.AcceptKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the scripted server needs of HTTP: read a request head, answer with raw bytes. */
final class RawHttp {

    private RawHttp() {
    }

    /** A request head as read: the request line and the headers by lower-case name (last value wins). */
    record Request(String requestLine, Map<String, String> headers, String raw) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String acceptKey() {
            return AcceptKey.of(header("Sec-WebSocket-Key"));
        }
    }

    /** Reads up to and including the blank line, byte by byte so nothing after it is consumed. */
    static Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("end of stream inside the request head: " + head);
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 65536) throw new IOException("request head too large");
        }
        String raw = head.toString(StandardCharsets.ISO_8859_1);
        String[] lines = raw.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Request(lines[0], headers, raw);
    }

    /** A correct 101 for {@code request}, with further header lines (each without CRLF). */
    static String switching(Request request, String... extraHeaderLines) {
        StringBuilder r = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Accept: ").append(request.acceptKey()).append("\r\n");
        for (String line : extraHeaderLines) r.append(line).append("\r\n");
        return r.append("\r\n").toString();
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads until the peer closes (bounded by the socket's timeout), returning what came. */
    static byte[] readToEnd(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
