package dev.tether.it;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client on a bare socket, for the frames no well-behaved client sends (invalid UTF-8, reserved opcodes,
 * forbidden close codes, impossible lengths): frames are built by hand here, never by the code under test,
 * and the server's frames are read strictly.
 */
final class RawWebSocket implements AutoCloseable {

    /** A frame from the server. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame, or 1005 when it carries none. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }

        @Override
        public String toString() {
            return "Frame[fin=" + fin + ", opcode=" + opcode + ", " + payload.length + " bytes"
                    + (opcode == 0x8 ? ", code " + closeCode() : "") + "]";
        }
    }

    static final int TEXT = 0x1;
    static final int CONTINUATION = 0x0;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to a ws:// address and completes the opening handshake, checking the 101 and the accept key. */
    static RawWebSocket open(URI uri) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(20_000); // hang guard for every read
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String head = readHead(socket.getInputStream());
            if (!head.startsWith("HTTP/1.1 101")) throw new IOException("expected 101, got: " + head);
            String expectedAccept = accept(key);
            if (!head.toLowerCase().contains("sec-websocket-accept: " + expectedAccept.toLowerCase())) {
                throw new IOException("missing or wrong Sec-WebSocket-Accept (expected " + expectedAccept + "): " + head);
            }
            return new RawWebSocket(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one masked frame with the given first byte (FIN, RSV bits, opcode) and payload. */
    void sendFrame(int firstByte, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(firstByte);
        int n = payload.length;
        if (n < 126) {
            frame.write(0x80 | n);
        } else if (n < 65536) {
            frame.write(0x80 | 126);
            frame.write(n >> 8);
            frame.write(n);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) frame.write((int) ((long) n >>> shift));
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask, 0, 4);
        for (int i = 0; i < n; i++) frame.write(payload[i] ^ mask[i & 3]);
        sendRaw(frame.toByteArray());
    }

    void send(boolean fin, int opcode, byte[] payload) throws IOException {
        sendFrame((fin ? 0x80 : 0) | opcode, payload);
    }

    /** A close frame with a code (any, even a forbidden one) and no reason. */
    void sendClose(int code) throws IOException {
        send(true, CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /** Bytes exactly as given. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next frame from the server, which must not be masked (RFC 6455 §5.1). */
    Frame read() throws IOException {
        int b0 = readByte();
        int b1 = readByte();
        if ((b1 & 0x80) != 0) throw new IOException("the server masked a frame");
        long length = b1 & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) length = (length << 8) | readByte();
        }
        if (length > 1 << 20) throw new IOException("frame longer than a test needs: " + length);
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) throw new EOFException("frame cut short");
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, payload);
    }

    /**
     * Reads until the server's close frame (skipping anything before it, such as a heartbeat ping), then
     * checks that the server ends the TCP connection too.
     *
     * @return the close frame's code
     */
    int awaitCloseAndEnd() throws IOException {
        Frame frame;
        do {
            frame = read();
        } while (frame.opcode() != CLOSE);
        int code = frame.closeCode();
        awaitEnd();
        return code;
    }

    /** Waits (up to the socket timeout) for the server to end the TCP connection. */
    void awaitEnd() throws IOException {
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
    String readUntilEnd() throws IOException {
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

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("the server ended the connection");
        return b;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new EOFException("connection ended in the response head: " + head);
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 16 * 1024) throw new IOException("response head too long");
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
