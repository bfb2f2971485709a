package dev.tether.fuzz;

import dev.tether.protocol.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The receive rules of RFC 6455 (§5.2-§5.7, §7.4, §8.1) written as plainly as possible over a whole byte
 * array: the oracle that the incremental {@code InboundProtocol} is compared with. Written for this test
 * only, from the RFC, sharing no code with the protocol core (UTF-8 is judged by the JDK).
 *
 * <p>It also says <em>at which byte</em> each event or the failure happens, in the same streaming sense
 * as the protocol core: a header violation at the header byte that shows it, a size violation at the
 * last length byte, bad UTF-8 at the first byte that cannot continue valid UTF-8, a close-frame or
 * final-UTF-8 violation and every event at the frame's last byte. That lets the session test know
 * whether an input event came before or after something the application did between two chunks.
 *
 * <p>Checks run in this order (the order the bytes arrive in): RSV bits, reserved opcode, fragmented
 * control frame; mask bit for the role, control payload over 125; non-minimal or negative extended
 * length; frame over maxFrameSize (1009); continuation without a message, data frame inside an open
 * message; message over maxMessageSize (1009); payload UTF-8 of text messages (1007); then at the end of
 * the frame the close payload (1002 for one byte or a bad code, 1007 for a bad reason) or the end of a
 * text message inside a UTF-8 sequence (1007).
 */
final class ReferenceDecoder {

    /** What the bytes amount to. */
    static final class Outcome {
        /** Events in the format of {@link EventLog}. */
        final List<String> events = new ArrayList<>();
        /** The byte index at which each event happened. */
        final List<Integer> eventBytes = new ArrayList<>();
        /** The close code the connection fails with, or null. */
        Integer failureCode;
        String failureReason;
        /** The byte at which the failure was found, or -1. */
        int failureByte = -1;
        /** Whether a valid close frame arrived (the last event); bytes after it are ignored. */
        boolean closed;
        /** Whether the input ended inside a frame (a header or payload still incomplete). */
        boolean truncated;
        /** Whether a fragmented message was still open at the end (or when the close frame came). */
        boolean messageOpen;

        /** The byte at which the connection's fate was settled (failure or close frame), or -1. */
        int decisiveByte() {
            if (failureCode != null) return failureByte;
            if (closed) return eventBytes.get(eventBytes.size() - 1);
            return -1;
        }

        @Override
        public String toString() {
            return "events " + events + (failureCode != null ? ", failure " + failureCode + " at byte " + failureByte + " (" + failureReason + ")" : "")
                    + (closed ? ", closed" : "") + (truncated ? ", truncated" : "") + (messageOpen ? ", message open" : "");
        }
    }

    private static final int CONTINUATION = 0x0;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    /** Signals the end of decoding (failure or truncation); the outcome holds the details. */
    private static final class Stop extends Exception {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final Role role;
    private final long maxFrameSize;
    private final long maxMessageSize;
    private final byte[] in;
    private final Outcome outcome = new Outcome();

    private int messageType = -1;
    private byte[] message = new byte[64];
    private int messageLength;
    /** Where in a text message the last whole character ends: UTF-8 is checked from there on. */
    private int textBoundary;
    private long announced;

    private ReferenceDecoder(Role role, long maxFrameSize, long maxMessageSize, byte[] in) {
        this.role = role;
        this.maxFrameSize = maxFrameSize;
        this.maxMessageSize = maxMessageSize;
        this.in = in;
    }

    /** Decodes {@code wire} as received by {@code role} (a server receives masked frames, a client unmasked ones). */
    static Outcome decode(Role role, long maxFrameSize, long maxMessageSize, byte[] wire) {
        ReferenceDecoder d = new ReferenceDecoder(role, maxFrameSize, maxMessageSize, wire);
        try {
            d.run();
        } catch (Stop stop) {
            // outcome already says why
        }
        d.outcome.messageOpen = d.messageType >= 0 && d.outcome.failureCode == null;
        return d.outcome;
    }

    private void run() throws Stop {
        int p = 0;
        while (p < in.length) {
            p = frame(p);
            if (outcome.closed) return;
        }
    }

    /** Decodes the frame starting at {@code p}; returns the index after it. */
    private int frame(int p) throws Stop {
        int b0 = in[p] & 0xFF;
        boolean fin = (b0 & 0x80) != 0;
        int rsv = (b0 >>> 4) & 0x7;
        int opcode = b0 & 0x0F;
        if (rsv != 0) fail(1002, p, "RSV bits set");
        boolean known = opcode == CONTINUATION || opcode == TEXT || opcode == BINARY
                || opcode == CLOSE || opcode == PING || opcode == PONG;
        if (!known) fail(1002, p, "reserved opcode");
        boolean control = opcode >= 0x8;
        if (control && !fin) fail(1002, p, "fragmented control frame");

        p = need(p, 1);
        int b1 = in[p] & 0xFF;
        boolean masked = (b1 & 0x80) != 0;
        if (role == Role.SERVER && !masked) fail(1002, p, "unmasked client frame");
        if (role == Role.CLIENT && masked) fail(1002, p, "masked server frame");
        int len7 = b1 & 0x7F;
        if (control && len7 > 125) fail(1002, p, "control payload over 125");

        long length;
        if (len7 == 126) {
            p = need(p, 2);
            length = ((in[p - 1] & 0xFF) << 8) | (in[p] & 0xFF);
            if (length < 126) fail(1002, p, "16-bit length not minimal");
        } else if (len7 == 127) {
            p = need(p, 8);
            length = 0;
            for (int i = p - 7; i <= p; i++) length = (length << 8) | (in[i] & 0xFF);
            if (length < 0) fail(1002, p, "64-bit length with the top bit set");
            if (length < 65536) fail(1002, p, "64-bit length not minimal");
        } else {
            length = len7;
        }

        if (!control) {
            if (length > maxFrameSize) fail(1009, p, "frame too big");
            if (opcode == CONTINUATION) {
                if (messageType < 0) fail(1002, p, "continuation without a message");
            } else {
                if (messageType >= 0) fail(1002, p, "new data frame inside a fragmented message");
                messageType = opcode;
                messageLength = 0;
                textBoundary = 0;
                announced = 0;
            }
            if (length > maxMessageSize - announced) fail(1009, p, "message too big");
            announced += length;
        }

        byte[] key = null;
        if (masked) {
            p = need(p, 4);
            key = new byte[] {in[p - 3], in[p - 2], in[p - 1], in[p]};
        }

        // p is the last header byte; the payload follows.
        int available = (int) Math.min(length, in.length - (p + 1L));
        byte[] payload = new byte[available];
        for (int i = 0; i < available; i++) {
            payload[i] = (byte) (in[p + 1 + i] ^ (key == null ? 0 : key[i & 3]));
        }
        if (!control) {
            int before = messageLength;
            append(payload);
            if (messageType == TEXT) {
                int bad = Utf8Oracle.firstInvalidByte(message, textBoundary, before, messageLength);
                if (bad >= 0) fail(1007, p + 1 + (bad - before), "invalid UTF-8");
                textBoundary += Utf8Oracle.completeLength(message, textBoundary, messageLength);
            }
        }
        if (available < length) truncated();
        int last = (int) (p + length); // the frame's last byte (the last header byte when it has no payload)

        switch (opcode) {
            case PING:
                event("ping:" + EventLog.hex(payload), last);
                break;
            case PONG:
                event("pong:" + EventLog.hex(payload), last);
                break;
            case CLOSE:
                closeFrame(payload, last);
                break;
            default:
                if (fin) {
                    byte[] whole = Arrays.copyOf(message, messageLength);
                    if (messageType == TEXT) {
                        if (!Utf8Oracle.isValid(whole, 0, whole.length)) fail(1007, last, "text ends inside a UTF-8 sequence");
                        event("text:" + new String(whole, StandardCharsets.UTF_8), last);
                    } else {
                        event("binary:" + EventLog.hex(whole), last);
                    }
                    messageType = -1;
                    messageLength = 0;
                    announced = 0;
                }
        }
        return last + 1;
    }

    private void closeFrame(byte[] payload, int last) throws Stop {
        if (payload.length == 0) {
            event("close:1005:", last);
        } else if (payload.length == 1) {
            fail(1002, last, "close payload of one byte");
        } else {
            int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
            boolean allowed = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
            if (!allowed) fail(1002, last, "close code " + code + " not allowed on the wire");
            if (!Utf8Oracle.isValid(payload, 2, payload.length - 2)) fail(1007, last, "close reason not UTF-8");
            event("close:" + code + ":" + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8), last);
        }
        outcome.closed = true;
    }

    private void append(byte[] b) {
        if (messageLength + b.length > message.length) message = Arrays.copyOf(message, Math.max(2 * message.length, messageLength + b.length));
        System.arraycopy(b, 0, message, messageLength, b.length);
        messageLength += b.length;
    }

    /** Advances over {@code n} more header bytes; returns the index of the last one. */
    private int need(int p, int n) throws Stop {
        if (p + n >= in.length) truncated();
        return p + n;
    }

    private void event(String event, int atByte) {
        outcome.events.add(event);
        outcome.eventBytes.add(atByte);
    }

    private void fail(int code, int atByte, String why) throws Stop {
        outcome.failureCode = code;
        outcome.failureByte = atByte;
        outcome.failureReason = why;
        throw new Stop();
    }

    private void truncated() throws Stop {
        outcome.truncated = true;
        throw new Stop();
    }
}
