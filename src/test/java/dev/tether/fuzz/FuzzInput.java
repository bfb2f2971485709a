package dev.tether.fuzz;

import java.util.Arrays;

/**
 * Reads a fuzz input front to back: parameters first, then (usually) the rest as wire bytes. Once the
 * input is used up every read returns zeros, so any input, even the empty one, is a complete test case.
 *
 * <p>Kept deliberately simple (unlike Jazzer's FuzzedDataProvider, which takes numbers from the end) so
 * that seed files are written in the same order as they are read: see {@link SeedCorpusWriter}.
 */
final class FuzzInput {

    private final byte[] data;
    private int pos;

    FuzzInput(byte[] data) {
        this.data = data;
    }

    int remaining() {
        return data.length - pos;
    }

    boolean isEmpty() {
        return pos >= data.length;
    }

    int u8() {
        return pos < data.length ? data[pos++] & 0xFF : 0;
    }

    int u16() {
        return (u8() << 8) | u8();
    }

    int u32() {
        return (u16() << 16) | u16();
    }

    boolean bit() {
        return (u8() & 1) != 0;
    }

    /** The next {@code n} bytes, or as many as are left. */
    byte[] bytes(int n) {
        int take = Math.max(0, Math.min(n, remaining()));
        byte[] b = Arrays.copyOfRange(data, pos, pos + take);
        pos += take;
        return b;
    }

    /** A length byte, then that many bytes. */
    byte[] lengthPrefixed() {
        return bytes(u8());
    }

    byte[] rest() {
        return bytes(remaining());
    }
}
