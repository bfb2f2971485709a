package dev.tether.conformance.wire;

/**
 * Encodes a {@link TestFrame} exactly as the case describes it (RFC 6455 §5.2 layout), written here from
 * the RFC so that no case depends on the encoder under test.
 */
public final class FrameBytes {

    private FrameBytes() {
    }

    /** The frame's bytes when sent by a client ({@code client=true}) or a server. */
    public static byte[] encode(TestFrame f, boolean client) {
        boolean masked = f.maskedWhenSentBy(client);
        int header = headerLength(f, client);
        int n = f.payloadLength();
        byte[] out = new byte[header + n];
        out[0] = (byte) ((f.fin() ? 0x80 : 0) | (f.rsv() << 4) | f.opcode());
        long length = f.lengthField();
        int maskBit = masked ? 0x80 : 0;
        int pos;
        switch (form(f)) {
            case 7:
                out[1] = (byte) (maskBit | (int) length);
                pos = 2;
                break;
            case 16:
                out[1] = (byte) (maskBit | 126);
                out[2] = (byte) (length >>> 8);
                out[3] = (byte) length;
                pos = 4;
                break;
            default:
                out[1] = (byte) (maskBit | 127);
                for (int i = 0; i < 8; i++) out[2 + i] = (byte) (length >>> (56 - 8 * i));
                pos = 10;
        }
        int key = f.maskKey();
        if (masked) {
            out[pos++] = (byte) (key >>> 24);
            out[pos++] = (byte) (key >>> 16);
            out[pos++] = (byte) (key >>> 8);
            out[pos++] = (byte) key;
        }
        for (int i = 0; i < n; i++) {
            byte b = f.payloadByte(i);
            out[pos + i] = masked ? (byte) (b ^ (key >>> (24 - 8 * (i & 3)))) : b;
        }
        return out;
    }

    /** How many bytes come before the payload: 2, 4 or 10, plus 4 when masked. */
    public static int headerLength(TestFrame f, boolean client) {
        int form = form(f);
        int len = form == 7 ? 2 : form == 16 ? 4 : 10;
        return f.maskedWhenSentBy(client) ? len + 4 : len;
    }

    /** 7, 16 or 64: which length field the frame uses. */
    private static int form(TestFrame f) {
        long length = f.lengthField();
        switch (f.lengthForm()) {
            case FORCE_16:
                if (length > 0xFFFF) throw new IllegalArgumentException("length " + length + " does not fit 16 bits");
                return 16;
            case FORCE_64:
                return 64;
            default:
                if (length < 0) return 64; // a claim with the top bit set: only the 64-bit form can carry it
                return length <= 125 ? 7 : length <= 0xFFFF ? 16 : 64;
        }
    }
}
