package dev.tether.bench;

import dev.tether.protocol.Opcode;
import java.nio.charset.StandardCharsets;

/**
 * Masked frames as a client sends them, built here with a fixed key (the library's own encoder draws
 * random keys, which a benchmark input must not depend on).
 *
 * <p>The key's four bytes are all below 0x80, so masking ASCII gives ASCII. That matters because the
 * server unmasks its input in place: feeding the same bytes again unmasks the unmasked payload, i.e.
 * masks it, and a text frame stays valid UTF-8 in both states. Benchmarks can thus feed one buffer over
 * and over with no copy to restore it.
 */
final class BenchFrames {

    /** Bytes 0x1B 0x2C 0x3D 0x4E: each below 0x80. */
    static final int ASCII_SAFE_KEY = 0x1B2C3D4E;

    private BenchFrames() {
    }

    /** One masked frame: header, key, payload XORed with the key. */
    static byte[] masked(Opcode opcode, boolean fin, byte[] payload) {
        int length = payload.length;
        int lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
        byte[] frame = new byte[2 + lengthBytes + 4 + length];
        frame[0] = (byte) ((fin ? 0x80 : 0) | opcode.code());
        int i = 2;
        if (lengthBytes == 0) {
            frame[1] = (byte) (0x80 | length);
        } else if (lengthBytes == 2) {
            frame[1] = (byte) (0x80 | 126);
            frame[i++] = (byte) (length >>> 8);
            frame[i++] = (byte) length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) frame[i++] = (byte) ((long) length >>> shift);
        }
        for (int shift = 24; shift >= 0; shift -= 8) frame[i++] = (byte) (ASCII_SAFE_KEY >>> shift);
        for (int k = 0; k < length; k++) {
            frame[i + k] = (byte) (payload[k] ^ (ASCII_SAFE_KEY >>> (24 - 8 * (k & 3))));
        }
        return frame;
    }

    /** A message of {@code size} bytes split into {@code fragments} masked frames, back to back. */
    static byte[] fragmented(Opcode opcode, byte[] payload, int fragments) {
        int size = payload.length;
        int per = size / fragments;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size + fragments * 14);
        for (int f = 0; f < fragments; f++) {
            int from = f * per;
            int to = f == fragments - 1 ? size : from + per;
            byte[] piece = java.util.Arrays.copyOfRange(payload, from, to);
            out.writeBytes(masked(f == 0 ? opcode : Opcode.CONTINUATION, f == fragments - 1, piece));
        }
        return out.toByteArray();
    }

    /** {@code size} bytes of printable ASCII, not all alike (so nothing can be special-cased). */
    static byte[] ascii(int size) {
        byte[] b = new byte[size];
        java.util.SplittableRandom random = new java.util.SplittableRandom(6455);
        for (int i = 0; i < size; i++) b[i] = (byte) (0x20 + random.nextInt(0x5F));
        return b;
    }

    /**
     * Exactly {@code size} bytes of UTF-8: {@code sample} repeated, cut at a character boundary and padded
     * with ASCII to the exact size (so the figure per byte is honest even for 64 bytes).
     */
    static byte[] utf8(String sample, int size) {
        StringBuilder text = new StringBuilder();
        while (text.length() * 4 < size + 4 * sample.length()) text.append(sample);
        byte[] encoded = text.toString().getBytes(StandardCharsets.UTF_8);
        int cut = Math.min(size, encoded.length);
        while (cut > 0 && cut < encoded.length && (encoded[cut] & 0xC0) == 0x80) cut--;
        byte[] b = java.util.Arrays.copyOf(encoded, size);
        java.util.Arrays.fill(b, cut, size, (byte) 'x');
        return b;
    }
}
