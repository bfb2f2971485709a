package dev.tether.conformance.wire;

/** Hex for transcripts and case descriptions: {@code ce ba e1}. */
public final class Hex {

    private Hex() {
    }

    public static String of(byte[] b) {
        return of(b, 0, b.length);
    }

    /** At most 64 bytes are shown; longer runs end with the total. */
    public static String of(byte[] b, int off, int len) {
        StringBuilder s = new StringBuilder();
        int shown = Math.min(len, 64);
        for (int i = 0; i < shown; i++) {
            if (i > 0) s.append(' ');
            s.append(Character.forDigit((b[off + i] >> 4) & 0xF, 16)).append(Character.forDigit(b[off + i] & 0xF, 16));
        }
        if (len > shown) s.append(" … (").append(len).append(" bytes)");
        return s.toString();
    }

    /** Parses {@code "ce ba e1"} or {@code "cebae1"}. */
    public static byte[] parse(String hex) {
        String h = hex.replace(" ", "");
        if (h.length() % 2 != 0) throw new IllegalArgumentException("odd hex: " + hex);
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }
}
