package dev.tether.protocol;

/** Hex strings to bytes and back, for readable test vectors ("81 05 48 65 6c 6c 6f"). */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        String h = hex.replaceAll("\\s", "");
        if (h.length() % 2 != 0) throw new IllegalArgumentException("odd hex: " + hex);
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    static String of(byte[] b) {
        return of(b, 0, b.length);
    }

    static String of(byte[] b, int off, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = off; i < off + len; i++) {
            if (i > off) s.append(' ');
            s.append(String.format("%02x", b[i] & 0xFF));
        }
        return s.toString();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
