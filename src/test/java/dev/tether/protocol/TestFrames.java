package dev.tether.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds raw frames for tests, independently of {@link FrameEncoder}: any bits, any opcode, and the
 * minimal length encoding. A non-null key masks the payload (as a client sends it).
 */
final class TestFrames {
    static final int KEY = 0x37FA213D;

    private TestFrames() {
    }

    static byte[] frame(boolean fin, int rsv, int opcode, Integer key, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = key != null ? 0x80 : 0;
        int n = payload.length;
        if (n < 126) {
            out.write(maskBit | n);
        } else if (n < 65536) {
            out.write(maskBit | 126);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) ((long) n >>> shift));
        }
        byte[] body = payload.clone();
        if (key != null) {
            for (int shift = 24; shift >= 0; shift -= 8) out.write(key >>> shift);
            for (int i = 0; i < body.length; i++) body[i] ^= (byte) (key >>> (24 - 8 * (i & 3)));
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A frame as a client sends it (masked with {@link #KEY}). */
    static byte[] fromClient(boolean fin, Opcode opcode, byte[] payload) {
        return frame(fin, 0, opcode.code(), KEY, payload);
    }

    /** A frame as a server sends it (unmasked). */
    static byte[] fromServer(boolean fin, Opcode opcode, byte[] payload) {
        return frame(fin, 0, opcode.code(), null, payload);
    }

    static byte[] text(String s) {
        return fromClient(true, Opcode.TEXT, utf8(s));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] closePayload(int code, byte[] reason) {
        byte[] p = new byte[2 + reason.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(reason, 0, p, 2, reason.length);
        return p;
    }
}
