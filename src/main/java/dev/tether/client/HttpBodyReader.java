package dev.tether.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the body of a refusal (a 403, a 404…) so the caller can see why the server said no. Best effort
 * and bounded: at most {@code limit} bytes, never more than the body announces, and whatever arrived
 * before a timeout or an I/O error is returned rather than lost (the refusal matters more than the body).
 */
final class HttpBodyReader {

    private HttpBodyReader() {
    }

    /** The body as text (UTF-8, malformed bytes replaced), at most {@code limit} bytes of it. */
    static String read(InputStream in, HttpResponseHead head, int limit) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (hasNoBody(head.status())) return "";
            String transferEncoding = head.value("Transfer-Encoding");
            String contentLength = head.value("Content-Length");
            if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                readChunked(in, body, limit);
            } else if (contentLength != null) {
                long length = Long.parseLong(contentLength.trim());
                copy(in, body, Math.min(length, limit));
            } else {
                copy(in, body, limit); // close-delimited (RFC 9112 §6.3)
            }
        } catch (IOException | NumberFormatException e) {
            // Keep what arrived: a truncated body still explains the refusal.
        }
        return new String(body.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean hasNoBody(int status) {
        return status < 200 || status == 204 || status == 304;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long count) throws IOException {
        byte[] buffer = new byte[4096];
        long remaining = count;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) return;
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream out, int limit) throws IOException {
        while (out.size() < limit) {
            String sizeLine = readShortLine(in);
            if (sizeLine == null) return;
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size = Long.parseLong(hex, 16);
            if (size == 0) return;
            copy(in, out, Math.min(size, limit - out.size()));
            if (out.size() >= limit) return;
            readShortLine(in); // the CRLF after the chunk data
        }
    }

    /** A chunk-size line: short by nature, so cap it hard. */
    private static String readShortLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (line.length() < 256) {
            int b = in.read();
            if (b < 0) return line.length() == 0 ? null : line.toString();
            if (b == '\n') return line.toString().strip();
            line.append((char) b);
        }
        throw new IOException("chunk size line too long");
    }
}
