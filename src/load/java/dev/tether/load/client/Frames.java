package dev.tether.load.client;

import java.nio.ByteBuffer;

/**
 * Client-to-server frames (RFC 6455 §5.2), masked with one key for the whole run: the servers under test
 * must unmask, but nothing here needs masks to be unpredictable (there is no proxy to confuse).
 *
 * <p>Every data message the load client sends carries two longs first, in clear before masking: a
 * sequence number and the {@link System#nanoTime()} it was queued at; the rest is a fixed pattern
 * ({@link #patternByte}) that the soak run checks on the way back.
 */
final class Frames {

    static final int HEAD = 16;
    static final byte[] MASK = {(byte) 0x3c, (byte) 0xa5, (byte) 0x5a, (byte) 0xc3};
    /** {@link #MASK} twice, for masking 8 bytes at a time (big-endian, as ByteBuffer's putLong). */
    private static final long MASK_LONG = 0x3ca55ac33ca55ac3L;

    private Frames() {
    }

    static int headerLength(long payload) {
        return (payload < 126 ? 2 : payload <= 0xFFFF ? 4 : 10) + 4;
    }

    static byte patternByte(long offset) {
        return (byte) (offset * 31 + 7);
    }

    /** Writes a masked frame header at the buffer's position. */
    static void putHeader(ByteBuffer out, int opcode, long payload) {
        out.put((byte) (0x80 | opcode));
        if (payload < 126) {
            out.put((byte) (0x80 | payload));
        } else if (payload <= 0xFFFF) {
            out.put((byte) (0x80 | 126));
            out.putShort((short) payload);
        } else {
            out.put((byte) (0x80 | 127));
            out.putLong(payload);
        }
        out.put(MASK);
    }

    /** A whole binary frame of {@code size} payload bytes with the pattern (its first 16 bytes to be patched). */
    static byte[] binaryTemplate(int size) {
        int header = headerLength(size);
        ByteBuffer frame = ByteBuffer.allocate(header + size);
        putHeader(frame, 0x2, size);
        for (int i = 0; i < size; i++) frame.put((byte) (patternByte(i) ^ MASK[i & 3]));
        return frame.array();
    }

    /** The same as a direct buffer, for messages too big to copy per send. */
    static ByteBuffer directTemplate(int size) {
        byte[] t = binaryTemplate(size);
        return ByteBuffer.allocateDirect(t.length).put(t).flip().asReadOnlyBuffer();
    }

    /** Writes the masked sequence number and timestamp at {@code payloadStart} (absolute). */
    static void patchHead(ByteBuffer frame, int payloadStart, long sequence, long nanos) {
        frame.putLong(payloadStart, sequence ^ MASK_LONG); // the payload starts at mask offset 0
        frame.putLong(payloadStart + 8, nanos ^ MASK_LONG);
    }

    /** A masked control frame (pong, close) with a payload of at most 125 bytes. */
    static ByteBuffer control(int opcode, byte[] payload, int length) {
        ByteBuffer frame = ByteBuffer.allocate(6 + length);
        putHeader(frame, opcode, length);
        for (int i = 0; i < length; i++) frame.put((byte) (payload[i] ^ MASK[i & 3]));
        return frame.flip();
    }

    static ByteBuffer close(int code) {
        byte[] payload = {(byte) (code >>> 8), (byte) code};
        return control(0x8, payload, 2);
    }
}
