package dev.tether.conformance.wire;

import java.nio.charset.StandardCharsets;

/** A frame read from the implementation under test, already checked by {@link FrameReader} and unmasked. */
public record ReceivedFrame(boolean fin, int opcode, byte[] payload) {


    /** The close code of a close frame; 1005 (no status) when the payload is empty. */
    public int closeCode() {
        return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
    }

    public String closeReason() {
        return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(TestFrame.opcodeName(opcode));
        if (!fin) s.append(" FIN=0");
        if (opcode == TestFrame.CLOSE) {
            s.append(payload.length == 0 ? " (no code)" : " " + closeCode());
            if (payload.length > 2) s.append(" \"").append(closeReason()).append('"');
        } else {
            s.append(" len=").append(payload.length);
            if (payload.length > 0) s.append(" payload=").append(Hex.of(payload, 0, Math.min(payload.length, 24)));
        }
        return s.toString();
    }
}
