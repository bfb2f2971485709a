package dev.tether.conformance.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A frame as a conformance case wants it on the wire, right or wrong: any FIN, RSV bits and opcode
 * (reserved ones too), any payload, a length field that may claim something else than the payload, a
 * length in a longer form than needed, and masking by role (the default), forced on, or forced off.
 *
 * <p>Immutable; the {@code with…} methods return changed copies. Built by the test itself, so a
 * case never depends on the encoder under test.
 */
public final class TestFrame {

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    /** How the length field is written. */
    public enum LengthForm {
        /** The shortest form, as RFC 6455 §5.2 requires. */
        MINIMAL,
        /** Always the 16-bit form (126 + 2 bytes), even for short payloads. */
        FORCE_16,
        /** Always the 64-bit form (127 + 8 bytes). */
        FORCE_64
    }

    /** Whether the frame is masked. */
    public enum Masking {
        /** Masked when the sender is a client, as RFC 6455 §5.1 requires. */
        BY_ROLE,
        /** The opposite of what the sender's role requires (a masked frame from a server, or an unmasked one from a client). */
        WRONG_FOR_ROLE
    }

    /** The masking key unless a case picks one: any fixed non-zero key will do, the peer must unmask whatever it is. */
    private static final int DEFAULT_MASK_KEY = 0x5A3C96E1;

    private final boolean fin;
    private final int rsv;
    private final int opcode;
    private final byte[] payload;
    /** The length field when it claims something else than the payload; only meaningful when {@link #claimed}. */
    private final long claimedLength;
    private final boolean claimed;
    private final LengthForm lengthForm;
    private final Masking masking;
    private final int maskKey;

    private TestFrame(boolean fin, int rsv, int opcode, byte[] payload, long claimedLength, boolean claimed,
                      LengthForm lengthForm, Masking masking, int maskKey) {
        if (rsv < 0 || rsv > 7) throw new IllegalArgumentException("rsv must be 0..7: " + rsv);
        if (opcode < 0 || opcode > 15) throw new IllegalArgumentException("opcode must be 0..15: " + opcode);
        this.fin = fin;
        this.rsv = rsv;
        this.opcode = opcode;
        this.payload = payload;
        this.claimedLength = claimedLength;
        this.claimed = claimed;
        this.lengthForm = lengthForm;
        this.masking = masking;
        this.maskKey = maskKey;
    }

    public static TestFrame of(int opcode, byte[] payload) {
        return new TestFrame(true, 0, opcode, payload.clone(), 0, false, LengthForm.MINIMAL, Masking.BY_ROLE, DEFAULT_MASK_KEY);
    }

    public static TestFrame text(String text) {
        return of(TEXT, utf8(text));
    }

    public static TestFrame text(byte[] utf8) {
        return of(TEXT, utf8);
    }

    public static TestFrame binary(byte[] data) {
        return of(BINARY, data);
    }

    public static TestFrame continuation(String text) {
        return of(CONTINUATION, utf8(text));
    }

    public static TestFrame continuation(byte[] data) {
        return of(CONTINUATION, data);
    }

    public static TestFrame ping(String payload) {
        return of(PING, utf8(payload));
    }

    public static TestFrame ping(byte[] payload) {
        return of(PING, payload);
    }

    public static TestFrame pong(String payload) {
        return of(PONG, utf8(payload));
    }

    public static TestFrame pong(byte[] payload) {
        return of(PONG, payload);
    }

    /** A close frame with a code and a reason. */
    public static TestFrame close(int code, String reason) {
        return close(code, utf8(reason));
    }

    /** A close frame with a code and raw reason bytes (which may be invalid UTF-8). */
    public static TestFrame close(int code, byte[] reason) {
        byte[] p = new byte[2 + reason.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(reason, 0, p, 2, reason.length);
        return of(CLOSE, p);
    }

    /** A close frame with exactly this payload (empty, one byte, anything). */
    public static TestFrame closeRaw(byte[] payload) {
        return of(CLOSE, payload);
    }

    public TestFrame withFin(boolean fin) {
        return new TestFrame(fin, rsv, opcode, payload, claimedLength, claimed, lengthForm, masking, maskKey);
    }

    /** Not the final fragment. */
    public TestFrame fragment() {
        return withFin(false);
    }

    public TestFrame withRsv(int rsv) {
        return new TestFrame(fin, rsv, opcode, payload, claimedLength, claimed, lengthForm, masking, maskKey);
    }


    /** The length field claims this many bytes, whatever the payload holds (bytes that never come, or too many). */
    public TestFrame claimingLength(long length) {
        return new TestFrame(fin, rsv, opcode, payload, length, true, lengthForm, masking, maskKey);
    }

    public TestFrame withLengthForm(LengthForm form) {
        return new TestFrame(fin, rsv, opcode, payload, claimedLength, claimed, form, masking, maskKey);
    }

    public TestFrame withWrongMasking() {
        return new TestFrame(fin, rsv, opcode, payload, claimedLength, claimed, lengthForm, Masking.WRONG_FOR_ROLE, maskKey);
    }

    public TestFrame withMaskKey(int key) {
        return new TestFrame(fin, rsv, opcode, payload, claimedLength, claimed, lengthForm, masking, key);
    }

    public boolean fin() {
        return fin;
    }

    public int rsv() {
        return rsv;
    }

    public int opcode() {
        return opcode;
    }

    public byte[] payload() {
        return payload.clone();
    }

    int payloadLength() {
        return payload.length;
    }

    byte payloadByte(int i) {
        return payload[i];
    }

    /** What the length field says: the claim when one was set, else the payload's length. */
    public long lengthField() {
        return claimed ? claimedLength : payload.length;
    }

    public LengthForm lengthForm() {
        return lengthForm;
    }

    public Masking masking() {
        return masking;
    }

    public int maskKey() {
        return maskKey;
    }

    /** Whether this frame is masked when sent by a client ({@code true}) or a server. */
    public boolean maskedWhenSentBy(boolean client) {
        return masking == Masking.BY_ROLE ? client : !client;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(opcodeName(opcode));
        if (!fin) s.append(" FIN=0");
        if (rsv != 0) s.append(" RSV=").append(rsv);
        s.append(" len=").append(Long.toUnsignedString(lengthField()));
        if (claimed) s.append(" (claimed; ").append(payload.length).append(" bytes follow)");
        if (lengthForm != LengthForm.MINIMAL) s.append(' ').append(lengthForm);
        if (masking != Masking.BY_ROLE) s.append(" wrong-masking");
        if (payload.length > 0 && payload.length <= 16) s.append(" payload=").append(Hex.of(payload));
        return s.toString();
    }

    public static String opcodeName(int opcode) {
        switch (opcode) {
            case CONTINUATION: return "CONT";
            case TEXT: return "TEXT";
            case BINARY: return "BINARY";
            case CLOSE: return "CLOSE";
            case PING: return "PING";
            case PONG: return "PONG";
            default: return "OP" + Integer.toHexString(opcode).toUpperCase();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TestFrame)) return false;
        TestFrame f = (TestFrame) o;
        return fin == f.fin && rsv == f.rsv && opcode == f.opcode && claimedLength == f.claimedLength && claimed == f.claimed
                && lengthForm == f.lengthForm && masking == f.masking && maskKey == f.maskKey
                && Arrays.equals(payload, f.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + opcode;
    }
}
