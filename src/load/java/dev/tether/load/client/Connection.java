package dev.tether.load.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One WebSocket connection of the load client, owned by its selector thread: the opening handshake, an
 * incremental frame reader that keeps only the first 16 bytes of each message (so a 16 MiB echo costs no
 * buffer), and the outgoing bytes.
 */
final class Connection {

    enum State { CONNECTING, HANDSHAKING, OPEN, CLOSING, CLOSED }

    final int id;
    final SocketChannel channel;
    SelectionKey key;
    State state = State.CONNECTING;

    // ---- outgoing: small frames are copied into 'out'; big ones queue as buffers of their own. 'out' is
    // direct: the JDK would otherwise copy a heap buffer into a temporary direct one on every write, a
    // second copy of every byte sent (40 KiB per write at 4 KiB × 10 in flight).
    ByteBuffer out = ByteBuffer.allocateDirect(512); // write mode
    final ArrayDeque<ByteBuffer> big = new ArrayDeque<>(2);

    // ---- handshake response
    StringBuilder response = new StringBuilder();

    // ---- frame reader
    private final byte[] header = new byte[14];
    private int headerLength;
    private boolean inPayload;
    private long payloadLeft;
    private long payloadOffset;
    private boolean masked;
    private final byte[] maskKey = new byte[4];
    private int frameOpcode;
    private boolean frameFin;
    private final byte[] control = new byte[125];
    private int controlLength;
    long messageLength;
    final byte[] head = new byte[Frames.HEAD];
    int headLength;
    boolean corrupt;

    // ---- workload state
    int inFlight;
    long nextSequence;
    long expectedSequence;

    Connection(int id, SocketChannel channel) {
        this.id = id;
        this.channel = channel;
    }

    /** What the reader reports. */
    interface Sink {
        void message(Connection c, long length, boolean corrupt);

        void ping(Connection c, byte[] payload, int length);

        void closeFrame(Connection c);
    }

    /** Reads frames from {@code in} until it is empty; {@code verify} checks every payload byte against the pattern. */
    void parse(ByteBuffer in, Sink sink, boolean verify) {
        while (in.hasRemaining()) {
            if (!inPayload) {
                if (headerLength == 0 && wholeHeader(in)) {
                    if (payloadLeft == 0) endFrame(sink);
                    continue;
                }
                header[headerLength++] = in.get();
                if (headerLength < 2) continue;
                int len7 = header[1] & 0x7F;
                boolean m = (header[1] & 0x80) != 0;
                int need = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + (m ? 4 : 0);
                if (headerLength < need) continue;
                startFrame(len7, m);
                if (payloadLeft == 0) endFrame(sink);
                continue;
            }
            int n = (int) Math.min(in.remaining(), payloadLeft);
            if (frameOpcode >= 0x8) {
                for (int i = 0; i < n; i++) control[controlLength++] = unmask(in.get(), payloadOffset + i);
            } else {
                int start = in.position();
                int capture = (int) Math.min(n, Frames.HEAD - Math.min(Frames.HEAD, messageLength));
                if (capture > 0) {
                    in.get(start, head, headLength, capture);
                    if (masked) {
                        for (int i = 0; i < capture; i++) head[headLength + i] ^= maskKey[(int) ((payloadOffset + i) & 3)];
                    }
                    headLength += capture;
                }
                if (verify) {
                    for (int i = capture; i < n; i++) {
                        if (unmask(in.get(start + i), payloadOffset + i) != Frames.patternByte(messageLength + i)) {
                            corrupt = true;
                            break;
                        }
                    }
                }
                in.position(start + n);
                messageLength += n;
            }
            payloadLeft -= n;
            payloadOffset += n;
            if (payloadLeft == 0) endFrame(sink);
        }
    }

    /**
     * The common case, a frame header that is whole in {@code in}: taken in one bulk copy instead of byte
     * by byte (false, nothing consumed, when it is split across reads).
     */
    private boolean wholeHeader(ByteBuffer in) {
        if (in.remaining() < 2) return false;
        byte second = in.get(in.position() + 1);
        int len7 = second & 0x7F;
        boolean m = (second & 0x80) != 0;
        int need = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + (m ? 4 : 0);
        if (in.remaining() < need) return false;
        in.get(header, 0, need);
        startFrame(len7, m);
        return true;
    }

    private byte unmask(byte b, long offset) {
        return masked ? (byte) (b ^ maskKey[(int) (offset & 3)]) : b;
    }

    private void startFrame(int len7, boolean m) {
        frameFin = (header[0] & 0x80) != 0;
        frameOpcode = header[0] & 0x0F;
        masked = m;
        int p = 2;
        if (len7 == 126) {
            payloadLeft = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            p = 4;
        } else if (len7 == 127) {
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (header[2 + i] & 0xFF);
            payloadLeft = v;
            p = 10;
        } else {
            payloadLeft = len7;
        }
        if (m) System.arraycopy(header, p, maskKey, 0, 4);
        headerLength = 0;
        inPayload = true;
        payloadOffset = 0;
        if (frameOpcode >= 0x8) {
            controlLength = 0;
        } else if (frameOpcode != 0) { // a new message; continuation frames add to it
            messageLength = 0;
            headLength = 0;
            corrupt = false;
        }
    }

    private void endFrame(Connection.Sink sink) {
        inPayload = false;
        if (frameOpcode == 0x8) {
            sink.closeFrame(this);
        } else if (frameOpcode == 0x9) {
            sink.ping(this, control, controlLength);
        } else if (frameOpcode < 0x8 && frameFin) {
            sink.message(this, messageLength, corrupt || headLength < Frames.HEAD);
        }
    }

    /** The code and reason of the close frame just read. */
    String closeStatus() {
        if (controlLength < 2) return "no status";
        int code = ((control[0] & 0xFF) << 8) | (control[1] & 0xFF);
        return code + " " + new String(control, 2, controlLength - 2, java.nio.charset.StandardCharsets.UTF_8);
    }

    long sequenceOfMessage() {
        return getLong(head, 0);
    }

    long timestampOfMessage() {
        return getLong(head, 8);
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xFF);
        return v;
    }

    /** Room for {@code bytes} more in {@link #out}, growing it if needed. */
    void reserve(int bytes) {
        if (out.remaining() >= bytes) return;
        ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(out.capacity() * 2, out.position() + bytes));
        out.flip();
        bigger.put(out);
        out = bigger;
    }

    /** Writes what it can; true when everything queued is written. */
    boolean write() throws IOException {
        if (out.position() > 0) {
            out.flip();
            channel.write(out);
            out.compact();
            if (out.position() > 0) return false;
        }
        while (!big.isEmpty()) {
            ByteBuffer b = big.peek();
            channel.write(b);
            if (b.hasRemaining()) return false;
            big.poll();
        }
        return true;
    }

    boolean hasOutput() {
        return out.position() > 0 || !big.isEmpty();
    }
}
