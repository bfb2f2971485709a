package dev.tether.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare socket, for what well-behaved clients never do: die without a close,
 * stop reading, send broken handshakes. Frames are built by hand here (the test does not trust the
 * code under test to build them). Also for the frames no well-behaved client sends (invalid UTF-8, reserved
 * opcodes, forbidden close codes, impossible lengths), to embedded containers or, through {@link #open(URI)},
 * to any ws:// address such as a standalone server.
 */
public final class RawWebSocket implements Closeable {

    /** One frame read from the server. */
    public record Frame(boolean fin, int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame, or 1005 when it has none. */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }

        @Override
        public String toString() {
            return "Frame[fin=" + fin + ", opcode=" + opcode + ", " + payload.length + " bytes"
                    + (opcode == CLOSE ? ", code " + closeCode() : "") + "]";
        }
    }

    /** The status line and headers of an HTTP response, and its body when it had a Content-Length. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Response handshake;

    private RawWebSocket(Socket socket, Response handshake) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.handshake = handshake;
    }

    /** Opens a socket to a container: TLS when it is secure. */
    public static Socket connect(EmbeddedContainer container) throws IOException {
        Socket socket = container.secure()
                ? TestTls.clientContext().getSocketFactory().createSocket()
                : new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", container.port()), 5_000);
        socket.setSoTimeout(20_000); // hang guard for every read
        return socket;
    }

    /** Connects and completes a valid opening handshake; the response is in {@link #handshake()}. */
    public static RawWebSocket open(EmbeddedContainer container, String path) throws IOException {
        return open(container, path, new byte[0]);
    }

    /**
     * Connects and completes a valid opening handshake, sending {@code early} in the same write as the
     * request (as a client that does not wait for the 101 would).
     */
    public static RawWebSocket open(EmbeddedContainer container, String path, byte[] early) throws IOException {
        Socket socket = connect(container);
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + container.port() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + newKey() + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        byte[] head = request.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + early.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(early, 0, all, head.length, early.length);
        socket.getOutputStream().write(all);
        socket.getOutputStream().flush();
        Response response = readResponse(socket.getInputStream(), false);
        return new RawWebSocket(socket, response);
    }

    /**
     * Connects to any ws:// address (a standalone server, a proxy) and completes the opening handshake,
     * checking the 101 and the Sec-WebSocket-Accept key.
     */
    public static RawWebSocket open(URI uri) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(20_000); // hang guard for every read
            String key = newKey();
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            Response response = readResponse(socket.getInputStream(), false);
            if (response.status() != 101) throw new IOException("expected 101, got: " + response);
            String expectedAccept = accept(key);
            if (!expectedAccept.equalsIgnoreCase(String.valueOf(response.header("Sec-WebSocket-Accept")))) {
                throw new IOException("missing or wrong Sec-WebSocket-Accept (expected " + expectedAccept + "): " + response);
            }
            return new RawWebSocket(socket, response);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends a raw HTTP request on a new connection and reads the response, body included. */
    public static Response request(EmbeddedContainer container, String request) throws IOException {
        try (Socket socket = connect(container)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readResponse(socket.getInputStream(), true);
        }
    }

    public static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    public Response handshake() {
        return handshake;
    }

    public Socket socket() {
        return socket;
    }

    /** Sends one masked frame. */
    public void send(boolean fin, int opcode, byte[] payload) throws IOException {
        out.write(encode(fin, opcode, payload));
        out.flush();
    }

    public void sendText(String text) throws IOException {
        send(true, 0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendClose(int code, String reason) throws IOException {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        send(true, 0x8, payload);
    }

    /** A close frame with a code (any, even a forbidden one) and no reason. */
    public void sendClose(int code) throws IOException {
        send(true, CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /** Writes bytes as they are. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A masked client frame. */
    public static byte[] encode(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            frame.write(0x80 | n);
        } else if (n < 65536) {
            frame.write(0x80 | 126);
            frame.write(n >> 8);
            frame.write(n);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) frame.write((int) ((long) n >> shift));
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask, 0, 4);
        for (int i = 0; i < n; i++) frame.write(payload[i] ^ mask[i & 3]);
        return frame.toByteArray();
    }

    /** Reads one frame from the server (unmasked, as RFC 6455 requires of servers). */
    public Frame read() throws IOException {
        int b0 = readByte();
        int b1 = readByte();
        if ((b1 & 0x80) != 0) throw new IOException("server frame is masked");
        long len = b1 & 0x7F;
        if (len == 126) {
            len = (readByte() << 8) | readByte();
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) len = (len << 8) | readByte();
        }
        if (len > 64 * 1024 * 1024) throw new IOException("frame too large for a test: " + len);
        byte[] payload = in.readNBytes((int) len);
        if (payload.length != len) throw new EOFException("frame cut short");
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, payload);
    }

    /**
     * Reads until the server's close frame (skipping anything before it, such as a heartbeat ping), then
     * checks that the server ends the TCP connection too.
     *
     * @return the close frame's code
     */
    public int awaitCloseAndEnd() throws IOException {
        Frame frame;
        do {
            frame = read();
        } while (frame.opcode() != CLOSE);
        int code = frame.closeCode();
        awaitEnd();
        return code;
    }

    /** Waits (up to the socket timeout) for the server to end the TCP connection. */
    public void awaitEnd() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain whatever is still in flight
            }
        } catch (SocketException reset) {
            // a reset ends it as well
        } catch (SocketTimeoutException e) {
            throw new IOException("the server kept the TCP connection open after closing", e);
        }
    }

    /** Everything the server sends until it ends the connection or goes quiet for the socket timeout. */
    public String readUntilEnd() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                if (received.size() > 1 << 20) break;
            }
        } catch (SocketException | SocketTimeoutException ended) {
            // reset, or quiet: what came so far is the answer
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** Drops the connection with a TCP reset: no close frame, no FIN. */
    public void kill() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("connection closed by the server");
        return b;
    }

    /** Reads an HTTP response head (status line and headers) from a stream. */
    public static Response readResponseHead(InputStream in) throws IOException {
        return readResponse(in, false);
    }

    static Response readResponse(InputStream in, boolean withBody) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new EOFException("connection closed during the response head: " + head);
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 64 * 1024) throw new IOException("response head too long");
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        String body = "";
        if (withBody) {
            List<String> length = headers.get("content-length");
            if (length != null) {
                body = new String(in.readNBytes(Integer.parseInt(length.get(0))), StandardCharsets.UTF_8);
            } else if (headers.containsKey("transfer-encoding")) {
                body = readChunked(in);
            }
        }
        return new Response(status, headers, body);
    }

    private static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                readLine(in);
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }
}
