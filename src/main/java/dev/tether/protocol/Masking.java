package dev.tether.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The XOR masking of RFC 6455 §5.3, applied in place. Masking and unmasking are the same operation.
 *
 * <p>The work is done a machine word (8 bytes) at a time: the 4-byte key is rotated so that it lines up
 * with the first byte of the chunk and then repeated twice in a {@code long}. A chunk may start anywhere
 * in the payload ({@code phase} is its position modulo 4), so a payload that arrives in pieces is
 * (un)masked piece by piece without copying it together first.
 */
public final class Masking {

    /** Unaligned big-endian long access into a byte[]; plain get/set allow any index. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Masking() {
    }

    /**
     * XORs {@code len} bytes of {@code buf} from {@code off} with the mask.
     *
     * @param maskKey the 4 key bytes as a big-endian int (key byte 0 is the top byte)
     * @param phase the payload position modulo 4 at which this chunk starts (0..3)
     */
    public static void mask(byte[] buf, int off, int len, int maskKey, int phase) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", array " + buf.length);
        }
        int key = alignedKey(maskKey, phase);
        long wordKey = wordKey(key);
        int i = off;
        int end = off + len;
        for (int wordsEnd = end - 7; i < wordsEnd; i += 8) {
            LONGS.set(buf, i, (long) LONGS.get(buf, i) ^ wordKey);
        }
        // The word loop consumed a multiple of 8 (hence of 4) bytes, so the tail starts at key byte 0.
        for (int k = 0; i < end; i++, k++) {
            buf[i] ^= keyByte(key, k);
        }
    }

    /**
     * XORs the bytes of {@code buf} from its position to its limit with the mask, heap or direct.
     * The position, limit and byte order of {@code buf} are left unchanged.
     */
    public static void mask(ByteBuffer buf, int maskKey, int phase) {
        int start = buf.position();
        int len = buf.remaining();
        if (buf.hasArray()) {
            mask(buf.array(), buf.arrayOffset() + start, len, maskKey, phase);
            return;
        }
        int key = alignedKey(maskKey, phase);
        long wordKey = wordKey(key);
        // Absolute access in the buffer's own byte order, so the caller's buffer is not disturbed and no
        // view is allocated per call: a little-endian buffer reads the same eight bytes reversed, so the
        // key word is reversed to match.
        if (buf.order() == ByteOrder.LITTLE_ENDIAN) wordKey = Long.reverseBytes(wordKey);
        int i = start;
        int end = start + len;
        for (int wordsEnd = end - 7; i < wordsEnd; i += 8) {
            buf.putLong(i, buf.getLong(i) ^ wordKey);
        }
        for (int k = 0; i < end; i++, k++) {
            buf.put(i, (byte) (buf.get(i) ^ keyByte(key, k)));
        }
    }

    /** The key rotated so that its top byte is the one that applies at {@code phase}. */
    private static int alignedKey(int maskKey, int phase) {
        if (phase < 0 || phase > 3) throw new IllegalArgumentException("phase must be 0..3: " + phase);
        return Integer.rotateLeft(maskKey, 8 * phase);
    }

    private static long wordKey(int key) {
        return ((long) key << 32) | (key & 0xFFFF_FFFFL);
    }

    private static byte keyByte(int key, int index) {
        return (byte) (key >>> (24 - 8 * (index & 3)));
    }
}
