package dev.tether.conformance.cases;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Deterministic payloads of exact sizes. */
final class Payloads {

    /** Characters of one, two, three and four bytes, so that big texts cross fragment and read boundaries inside characters. */
    private static final byte[] TEXT_PATTERN = "Hello κόσμε 𐍈 €uro — ".getBytes(StandardCharsets.UTF_8);

    private Payloads() {
    }

    /** Valid UTF-8 of exactly {@code bytes} bytes, multi-byte characters included. */
    static byte[] text(int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) b[i] = TEXT_PATTERN[i % TEXT_PATTERN.length];
        // Do not end inside a character: back up to the start of the last one and pad with ASCII.
        int end = bytes;
        int i = bytes - 1;
        while (i >= 0 && (b[i] & 0xC0) == 0x80) i--;
        if (i >= 0 && (b[i] & 0x80) != 0 && sequenceLength(b[i]) > bytes - i) end = i;
        Arrays.fill(b, end, bytes, (byte) '*');
        return b;
    }

    private static int sequenceLength(byte lead) {
        int v = lead & 0xFF;
        return v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : v >= 0xC0 ? 2 : 1;
    }

    static byte[] ascii(int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) b[i] = (byte) ('a' + i % 26);
        return b;
    }

    /** Pseudo-random bytes, the same for the same size. */
    static byte[] binary(int bytes) {
        byte[] b = new byte[bytes];
        new Random(bytes * 31L + 7).nextBytes(b);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] all = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        return all;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + " KiB";
        return bytes + " bytes";
    }
}
