package dev.tether.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Just enough RFC 6455 framing for a scripted server: write unmasked server frames byte by byte, and read
 * client frames, insisting that they are masked. Written plainly for tests; the real codec lives elsewhere.
 */
final class TestFrames {

    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private TestFrames() {
    }

    /** A client frame as received: header bits, the mask key, and the unmasked payload. */
    record ClientFrame(boolean fin, int rsv, int opcode, boolean masked, byte[] maskKey, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame, or -1 when it has none. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }

        String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    /** An unmasked frame, as a server sends it. */
    static byte[] frame(int opcode, boolean fin, byte[] payload) {
        return frame(opcode, fin, payload, null);
    }

    /** A frame with the given mask key (null for none): a masked one from a server breaks the protocol. */
    static byte[] frame(int opcode, boolean fin, byte[] payload, byte[] maskKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
        out.write((fin ? 0x80 : 0) | opcode);
        int maskBit = maskKey == null ? 0 : 0x80;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            out.write(maskBit | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        } else {
            out.write(maskBit | 127);
            long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) (length >>> shift) & 0xff);
        }
        if (maskKey != null) {
            out.write(maskKey, 0, 4);
            for (int i = 0; i < payload.length; i++) out.write(payload[i] ^ maskKey[i & 3]);
        } else {
            out.write(payload, 0, payload.length);
        }
        return out.toByteArray();
    }

    static byte[] text(String text) {
        return frame(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] binary(byte[] data) {
        return frame(BINARY, true, data);
    }

    static byte[] close(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        return frame(CLOSE, true, payload);
    }

    /** Reads one client frame; fails if it is not masked (RFC 6455 §5.1). */
    static ClientFrame readClientFrame(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int b0 = data.readUnsignedByte();
        int b1 = data.readUnsignedByte();
        boolean masked = (b1 & 0x80) != 0;
        long length = b1 & 0x7f;
        if (length == 126) length = data.readUnsignedShort();
        else if (length == 127) length = data.readLong();
        if (length > 64L * 1024 * 1024) throw new IOException("test frame too large: " + length);
        byte[] key = new byte[4];
        if (masked) data.readFully(key);
        byte[] payload = new byte[(int) length];
        data.readFully(payload);
        if (masked) for (int i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
        if (!masked) throw new AssertionError("client frame not masked (RFC 6455 §5.1), opcode " + (b0 & 0xf));
        return new ClientFrame((b0 & 0x80) != 0, (b0 >>> 4) & 0x7, b0 & 0xf, masked, key, payload);
    }
}
