package dev.tether.protocol;

import dev.tether.CloseCodes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Builds outgoing frames (RFC 6455 §5.2): the header in its minimal length encoding and, for a client,
 * a fresh unpredictable masking key per frame (§5.3, §10.3).
 *
 * <p>Thread-safe: data frames are encoded under the session's send lock while the reader thread may
 * encode a pong or a close at the same moment. The only shared state is the pool of masking keys,
 * refilled from {@link SecureRandom} 256 keys at a time under a lock, since one SecureRandom call per
 * frame is slow.
 *
 * <p>Every returned buffer is a heap buffer at position 0, ready to be written.
 */
public final class FrameEncoder {

    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int MAX_CLOSE_REASON = MAX_CONTROL_PAYLOAD - 2;
    private static final int KEY_BATCH = 256;

    private final Role role;
    private final IntSupplier maskKeys;

    public FrameEncoder(Role role) {
        this(role, role == Role.CLIENT ? new MaskKeys() : null);
    }

    /** With a chosen source of masking keys: for tests that compare with fixed vectors. */
    FrameEncoder(Role role, IntSupplier maskKeys) {
        this.role = Objects.requireNonNull(role, "role");
        this.maskKeys = maskKeys;
        if (role == Role.CLIENT) Objects.requireNonNull(maskKeys, "a client needs masking keys");
    }

    /**
     * A TEXT, BINARY or CONTINUATION frame. Server: {header, the payload wrapped (not copied)}.
     * Client: one buffer holding header, masking key and a masked copy of the payload; the caller's
     * array is never modified.
     */
    public ByteBuffer[] dataFrame(Opcode opcode, boolean fin, byte[] payload, int offset, int length) {
        Objects.requireNonNull(opcode, "opcode");
        if (opcode.isControl()) throw new IllegalArgumentException(opcode + " is not a data frame opcode");
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (role == Role.SERVER) {
            ByteBuffer header = ByteBuffer.allocate(headerLength(length, false));
            writeHeader(header, fin, opcode, length, false, 0);
            header.flip();
            return new ByteBuffer[] {header, ByteBuffer.wrap(payload, offset, length).slice()};
        }
        return new ByteBuffer[] {maskedFrame(fin, opcode, payload, offset, length)};
    }

    /**
     * A whole TEXT, BINARY or CONTINUATION frame written into {@code into} from its position: header,
     * (client) masking key and payload, masked for a client. For a caller that reuses one heap buffer for
     * small frames instead of allocating buffers per frame; the caller's array is never modified.
     *
     * @throws java.nio.BufferOverflowException if the frame does not fit; {@code into} is then unchanged
     */
    public void dataFrameInto(ByteBuffer into, Opcode opcode, boolean fin, byte[] payload, int offset, int length) {
        Objects.requireNonNull(opcode, "opcode");
        if (opcode.isControl()) throw new IllegalArgumentException(opcode + " is not a data frame opcode");
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (!into.hasArray()) throw new IllegalArgumentException("dataFrameInto needs a heap buffer");
        boolean masked = role == Role.CLIENT;
        if (into.remaining() < headerLength(length, masked) + (long) length) throw new java.nio.BufferOverflowException();
        int key = masked ? maskKeys.getAsInt() : 0;
        writeHeader(into, fin, opcode, length, masked, key);
        int start = into.position();
        into.put(payload, offset, length);
        if (masked) Masking.mask(into.array(), into.arrayOffset() + start, length, key, 0);
    }

    /** The bytes of a data frame's header (with the masking key for a client) for a payload of {@code length}. */
    public int headerLength(int length) {
        return headerLength(length, role == Role.CLIENT);
    }

    /** A PING or PONG frame carrying at most 125 bytes (IllegalArgumentException otherwise). */
    public ByteBuffer controlFrame(Opcode opcode, byte[] payload) {
        Objects.requireNonNull(opcode, "opcode");
        if (opcode != Opcode.PING && opcode != Opcode.PONG) {
            throw new IllegalArgumentException("controlFrame builds PING or PONG, not " + opcode);
        }
        byte[] data = payload == null ? new byte[0] : payload;
        if (data.length > MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException(opcode + " payload of " + data.length + " bytes exceeds 125");
        }
        return frame(opcode, data, data.length);
    }

    /**
     * A CLOSE frame. Code 1005 (no status) gives an empty payload; any other code must be valid on the
     * wire (IllegalArgumentException otherwise). The reason is encoded in UTF-8 and cut to 123 bytes at a
     * character boundary.
     */
    public ByteBuffer closeFrame(int code, String reason) {
        if (code == CloseCodes.NO_STATUS) return frame(Opcode.CLOSE, new byte[0], 0);
        if (!CloseCodes.isValidOnWire(code)) throw new IllegalArgumentException("close code " + code + " may not be sent");
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int reasonLength = truncatedLength(text, MAX_CLOSE_REASON);
        byte[] payload = new byte[2 + reasonLength];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, reasonLength);
        return frame(Opcode.CLOSE, payload, payload.length);
    }

    /** The longest prefix of UTF-8 {@code text} that fits {@code max} bytes without splitting a character. */
    static int truncatedLength(byte[] text, int max) {
        if (text.length <= max) return text.length;
        int cut = max;
        while (cut > 0 && (text[cut] & 0xC0) == 0x80) cut--; // text[cut] continues a character: back up
        return cut;
    }

    private ByteBuffer frame(Opcode opcode, byte[] payload, int length) {
        if (role == Role.CLIENT) return maskedFrame(true, opcode, payload, 0, length);
        ByteBuffer frame = ByteBuffer.allocate(headerLength(length, false) + length);
        writeHeader(frame, true, opcode, length, false, 0);
        frame.put(payload, 0, length);
        return frame.flip();
    }

    private ByteBuffer maskedFrame(boolean fin, Opcode opcode, byte[] payload, int offset, int length) {
        int headerLength = headerLength(length, true);
        byte[] frame = new byte[Math.addExact(headerLength, length)];
        int key = maskKeys.getAsInt();
        ByteBuffer buf = ByteBuffer.wrap(frame);
        writeHeader(buf, fin, opcode, length, true, key);
        System.arraycopy(payload, offset, frame, headerLength, length);
        Masking.mask(frame, headerLength, length, key, 0);
        return ByteBuffer.wrap(frame);
    }

    private static int headerLength(int payloadLength, boolean masked) {
        int base = payloadLength < 126 ? 2 : payloadLength < 65536 ? 4 : 10;
        return masked ? base + 4 : base;
    }

    private static void writeHeader(ByteBuffer out, boolean fin, Opcode opcode, int length, boolean masked, int key) {
        out.put((byte) ((fin ? 0x80 : 0) | opcode.code()));
        int maskBit = masked ? 0x80 : 0;
        if (length < 126) {
            out.put((byte) (maskBit | length));
        } else if (length < 65536) {
            out.put((byte) (maskBit | 126));
            out.putShort((short) length);
        } else {
            out.put((byte) (maskBit | 127));
            out.putLong(length);
        }
        if (masked) out.putInt(key);
    }

    /** Masking keys drawn from SecureRandom in batches. */
    private static final class MaskKeys implements IntSupplier {
        private final SecureRandom random = new SecureRandom();
        private final byte[] batch = new byte[KEY_BATCH * 4];
        private int next = batch.length; // empty: the first call fills it

        @Override
        public synchronized int getAsInt() {
            if (next == batch.length) {
                random.nextBytes(batch);
                next = 0;
            }
            int key = ((batch[next] & 0xFF) << 24) | ((batch[next + 1] & 0xFF) << 16)
                    | ((batch[next + 2] & 0xFF) << 8) | (batch[next + 3] & 0xFF);
            next += 4;
            return key;
        }
    }
}
