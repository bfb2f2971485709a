package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskingTest {

    private static final int KEY = 0x37FA213D; // the key of RFC 6455 §5.7

    /** The definition of §5.3, one byte at a time. */
    private static void naiveMask(byte[] buf, int off, int len, int maskKey, int phase) {
        byte[] key = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey};
        for (int i = 0; i < len; i++) {
            buf[off + i] ^= key[(phase + i) % 4];
        }
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Test
    void rfcExampleMasksHello() {
        byte[] hello = "Hello".getBytes();
        Masking.mask(hello, 0, hello.length, KEY, 0);
        assertArrayEquals(new byte[] {0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58}, hello);
        Masking.mask(hello, 0, hello.length, KEY, 0);
        assertArrayEquals("Hello".getBytes(), hello);
    }

    @Test
    void heapArrayAgreesWithNaiveForEveryPhaseLengthAndOffset() {
        Random random = new Random(6455);
        for (int phase = 0; phase < 4; phase++) {
            for (int len = 0; len <= 70; len++) {
                for (int off = 0; off < 9; off++) {
                    int key = random.nextInt();
                    byte[] original = randomBytes(random, off + len + 5);
                    byte[] expected = original.clone();
                    byte[] actual = original.clone();
                    naiveMask(expected, off, len, key, phase);
                    Masking.mask(actual, off, len, key, phase);
                    assertArrayEquals(expected, actual, "phase " + phase + " len " + len + " off " + off);
                }
            }
        }
    }

    @Test
    void heapAndDirectBuffersAgreeWithNaiveAndKeepPosition() {
        Random random = new Random(17);
        for (int phase = 0; phase < 4; phase++) {
            for (int len = 0; len <= 70; len++) {
                for (int off = 0; off < 9; off++) {
                    int key = random.nextInt();
                    byte[] original = randomBytes(random, off + len + 5);
                    byte[] expected = original.clone();
                    naiveMask(expected, off, len, key, phase);

                    ByteBuffer heap = ByteBuffer.wrap(original.clone());
                    ByteBuffer direct = ByteBuffer.allocateDirect(original.length).order(ByteOrder.LITTLE_ENDIAN);
                    direct.put(original).clear();
                    for (ByteBuffer buf : new ByteBuffer[] {heap, direct}) {
                        buf.limit(off + len).position(off);
                        Masking.mask(buf, key, phase);
                        assertEquals(off, buf.position());
                        assertEquals(off + len, buf.limit());
                        byte[] actual = new byte[original.length];
                        buf.clear();
                        buf.get(actual);
                        assertArrayEquals(expected, actual,
                                (buf.isDirect() ? "direct" : "heap") + " phase " + phase + " len " + len + " off " + off);
                    }
                    assertEquals(ByteOrder.LITTLE_ENDIAN, direct.order());
                }
            }
        }
    }

    @Test
    void slicedHeapBufferUsesItsArrayOffset() {
        byte[] backing = new byte[40];
        byte[] expected = backing.clone();
        naiveMask(expected, 10, 20, KEY, 2);
        ByteBuffer slice = ByteBuffer.wrap(backing, 5, 30).slice(); // arrayOffset 5
        slice.position(5).limit(25);
        Masking.mask(slice, KEY, 2);
        assertArrayEquals(expected, backing);
    }

    @Test
    void chunkByChunkEqualsWhole() {
        Random random = new Random(99);
        byte[] payload = randomBytes(random, 1000);
        byte[] whole = payload.clone();
        Masking.mask(whole, 0, whole.length, KEY, 0);
        byte[] chunked = payload.clone();
        int pos = 0;
        while (pos < chunked.length) {
            int n = Math.min(chunked.length - pos, random.nextInt(23));
            Masking.mask(chunked, pos, n, KEY, pos & 3);
            pos += n;
        }
        assertArrayEquals(whole, chunked);
    }

    @Test
    void rejectsBadArguments() {
        byte[] b = new byte[10];
        assertThrows(IllegalArgumentException.class, () -> Masking.mask(b, 0, 4, KEY, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Masking.mask(b, 8, 4, KEY, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Masking.mask(b, -1, 4, KEY, 0));
    }
}
