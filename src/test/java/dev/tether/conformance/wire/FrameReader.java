package dev.tether.conformance.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the frames of the implementation under test strictly: every rule of RFC 6455 §5 that a sender
 * must follow is checked, so a case fails when Tether sends something a strict peer would reject. No
 * extension is ever negotiated, so RSV bits must be clear; opcodes must be defined; control frames must be
 * final and at most 125 bytes; lengths must use the shortest form; masking must match the sender's role;
 * a close payload must be empty or a valid code with a UTF-8 reason.
 */
public final class FrameReader {

    private final InputStream in;
    private final boolean peerIsClient;
    private final long maxPayload;

    /**
     * @param peerIsClient whether the sender is a client (its frames must be masked) or a server (unmasked)
     * @param maxPayload the largest payload this test accepts, to keep a broken peer from exhausting the heap
     */
    public FrameReader(InputStream in, boolean peerIsClient, long maxPayload) {
        this.in = in;
        this.peerIsClient = peerIsClient;
        this.maxPayload = maxPayload;
    }

    /** The next frame; {@link EOFException} at the end of the stream before a frame starts or inside one. */
    public ReceivedFrame read() throws IOException {
        int b0 = in.read();
        if (b0 < 0) throw new EOFException("end of stream");
        int b1 = readByte();
        boolean fin = (b0 & 0x80) != 0;
        int rsv = (b0 >> 4) & 0x7;
        int opcode = b0 & 0xF;
        boolean masked = (b1 & 0x80) != 0;
        int len7 = b1 & 0x7F;
        if (rsv != 0) throw new PeerViolation("frame with RSV bits " + rsv + " although no extension was negotiated");
        if (!(opcode <= 2 || (opcode >= 8 && opcode <= 10))) {
            throw new PeerViolation("frame with reserved opcode 0x" + Integer.toHexString(opcode));
        }
        if (masked != peerIsClient) {
            throw new PeerViolation(peerIsClient ? "unmasked frame from a client" : "masked frame from a server");
        }
        long length;
        if (len7 == 126) {
            length = (readByte() << 8) | readByte();
            if (length < 126) throw new PeerViolation("16-bit length " + length + " where the 7-bit form fits");
        } else if (len7 == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) length = (length << 8) | readByte();
            if (length < 0) throw new PeerViolation("64-bit length with the most significant bit set");
            if (length <= 0xFFFF) throw new PeerViolation("64-bit length " + length + " where a shorter form fits");
        } else {
            length = len7;
        }
        boolean control = opcode >= 8;
        if (control && !fin) throw new PeerViolation("fragmented control frame " + TestFrame.opcodeName(opcode));
        if (control && length > 125) throw new PeerViolation("control frame with " + length + " bytes of payload");
        if (length > maxPayload) throw new PeerViolation("frame of " + length + " bytes, more than this test allows");
        byte[] key = masked ? readFully(4) : null;
        byte[] payload = readFully((int) length);
        if (masked) {
            for (int i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
        }
        if (opcode == TestFrame.CLOSE) checkClosePayload(payload);
        return new ReceivedFrame(fin, opcode, payload);
    }

    private static void checkClosePayload(byte[] p) throws PeerViolation {
        if (p.length == 0) return;
        if (p.length == 1) throw new PeerViolation("close frame with a 1-byte payload");
        int code = ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
        boolean valid = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
        if (!valid) throw new PeerViolation("close frame with code " + code + ", which may not be sent");
        if (!isUtf8(p, 2, p.length - 2)) throw new PeerViolation("close reason is not valid UTF-8: " + Hex.of(p, 2, p.length - 2));
    }

    /** Strict UTF-8 by the JDK's decoder (it rejects overlongs, surrogates and code points beyond U+10FFFF). */
    public static boolean isUtf8(byte[] b, int off, int len) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("end of stream inside a frame header");
        return b;
    }

    private byte[] readFully(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException("end of stream inside a frame (" + b.length + " of " + n + " bytes)");
        return b;
    }
}
