package dev.tether.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tether.protocol.Masking;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Masking} equals a byte-by-byte XOR with the key (RFC 6455 §5.3) for any data, key, phase,
 * offset and chunking, on arrays, heap buffers and direct buffers; bytes outside the range are never
 * touched, and a buffer's position, limit and byte order are left as they were.
 *
 * <p>Input layout: key (u32), phase (u8, low 2 bits), lead and trail guard lengths (u8 each, low 4 bits),
 * the cut ({@link Chunks}), then the payload.
 */
class MaskingFuzzTest {

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void equalsNaiveXor(byte[] data) {
        FuzzInput in = new FuzzInput(data);
        int key = in.u32();
        int phase = in.u8() & 3;
        int lead = in.u8() & 0x0F;
        int trail = in.u8() & 0x0F;
        Chunks chunks = Chunks.read(in);
        byte[] payload = in.rest();
        int n = payload.length;
        byte[] expected = naive(payload, key, phase);

        // In place in an array, between guard bytes.
        byte[] array = guarded(payload, lead, trail);
        byte[] before = array.clone();
        Masking.mask(array, lead, n, key, phase);
        assertArrayEquals(expected, Arrays.copyOfRange(array, lead, lead + n), "array");
        assertGuardsIntact(before, array, lead, n);

        // The same payload in pieces, each with the phase at which it starts.
        byte[] pieces = guarded(payload, lead, trail);
        for (int[] cut : chunks.cut(n)) {
            Masking.mask(pieces, lead + cut[0], cut[1] - cut[0], key, (phase + cut[0]) & 3);
        }
        assertArrayEquals(array, pieces, "masked piece by piece");

        // Masking is its own inverse.
        Masking.mask(array, lead, n, key, phase);
        assertArrayEquals(before, array, "masking twice");

        // Heap buffer, and direct buffer, with a window [lead, lead+n) and little-endian order set by the caller.
        ByteBuffer heap = ByteBuffer.wrap(guarded(payload, lead, trail));
        checkBuffer(heap, lead, n, key, phase, expected);
        ByteBuffer direct = ByteBuffer.allocateDirect(lead + n + trail);
        direct.put(guarded(payload, lead, trail)).clear();
        checkBuffer(direct, lead, n, key, phase, expected);
    }

    private static void checkBuffer(ByteBuffer buf, int lead, int n, int key, int phase, byte[] expected) {
        byte[] all = new byte[buf.capacity()];
        buf.duplicate().get(all);
        buf.order(ByteOrder.LITTLE_ENDIAN).limit(lead + n).position(lead);
        Masking.mask(buf, key, phase);
        String kind = buf.isDirect() ? "direct" : "heap";
        assertEquals(lead, buf.position(), kind + " position");
        assertEquals(lead + n, buf.limit(), kind + " limit");
        assertEquals(ByteOrder.LITTLE_ENDIAN, buf.order(), kind + " order");
        byte[] after = new byte[buf.capacity()];
        buf.duplicate().clear().get(after);
        assertArrayEquals(expected, Arrays.copyOfRange(after, lead, lead + n), kind);
        assertGuardsIntact(all, after, lead, n);
    }

    private static byte[] naive(byte[] payload, int key, int phase) {
        byte[] out = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            int keyIndex = (phase + i) & 3;
            out[i] = (byte) (payload[i] ^ (key >>> (24 - 8 * keyIndex)));
        }
        return out;
    }

    private static byte[] guarded(byte[] payload, int lead, int trail) {
        byte[] b = new byte[lead + payload.length + trail];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (0xA5 ^ i);
        System.arraycopy(payload, 0, b, lead, payload.length);
        return b;
    }

    private static void assertGuardsIntact(byte[] before, byte[] after, int lead, int n) {
        assertArrayEquals(Arrays.copyOfRange(before, 0, lead), Arrays.copyOfRange(after, 0, lead), "bytes before the range");
        assertArrayEquals(Arrays.copyOfRange(before, lead + n, before.length), Arrays.copyOfRange(after, lead + n, after.length),
                "bytes after the range");
    }
}
