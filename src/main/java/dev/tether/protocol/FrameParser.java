package dev.tether.protocol;

import dev.tether.CloseCodes;
import dev.tether.WebSocketFailedException;
import java.nio.ByteBuffer;

/**
 * Splits a byte stream into frames (RFC 6455 §5.2): an incremental push state machine that accepts any
 * split of the input, down to one byte at a time, and reports each frame as a start, payload chunks
 * (already unmasked) and an end.
 *
 * <p>Every header field is checked the moment its bytes arrive, so a bad frame fails before its payload
 * is read: any RSV bit (no extension is ever negotiated), a reserved opcode, a fragmented or oversized
 * control frame, a mask bit that does not match our {@link Role}, a 64-bit length with the top bit set or
 * a length not in its minimal encoding are protocol errors (1002); a data frame longer than
 * {@code maxFrameSize} is too big (1009). The parser never allocates anything based on a claimed length:
 * payload is passed on in the chunks it arrived in.
 *
 * <p>After a failure (its own or one thrown by the listener) the parser is dead and every further call
 * throws. After {@link #halt()} it ignores all further input. Not thread-safe.
 */
public final class FrameParser {

    /** Receives the frames. Chunks handed to {@link #onPayload} are only valid during the call. */
    public interface Listener {
        /**
         * A valid frame header, reported as soon as the length is known (before the masking key, so that
         * message limits apply as early as frame limits). {@code length} is at most maxFrameSize for data frames.
         */
        void onFrameStart(boolean fin, Opcode opcode, long length) throws WebSocketFailedException;

        /** The next piece of the payload, unmasked; never empty. */
        void onPayload(byte[] b, int off, int len) throws WebSocketFailedException;

        /** All {@code length} bytes of the frame were delivered. */
        void onFrameEnd() throws WebSocketFailedException;
    }

    /** Where in a frame the next byte belongs. */
    public enum State {
        /** FIN, RSV1-3, opcode. */
        HEADER,
        /** MASK bit and the 7-bit length. */
        LENGTH_7,
        /** The 16-bit extended length. */
        LENGTH_16,
        /** The 64-bit extended length. */
        LENGTH_64,
        /** The 4-byte masking key. */
        MASK_KEY,
        /** Payload bytes. */
        PAYLOAD,
        /** {@link #halt()} was called: input is ignored. */
        HALTED,
        /** A violation was found: every call throws. */
        FAILED
    }

    private static final int SCRATCH_SIZE = 8192;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private final Role role;
    private final long maxFrameSize;
    private final Listener listener;

    private State state = State.HEADER;
    private boolean fin;
    private Opcode opcode;
    private boolean masked;
    private long length;
    private long accumulator;
    private int fieldBytesLeft;
    private int maskKey;
    private long payloadRemaining;
    private int phase;
    private WebSocketFailedException failure;
    private byte[] scratch;

    /**
     * @param role our side: a server requires masked frames, a client requires unmasked ones
     * @param maxFrameSize the largest data-frame payload accepted, in bytes
     */
    public FrameParser(Role role, long maxFrameSize, Listener listener) {
        if (maxFrameSize < 0) throw new IllegalArgumentException("maxFrameSize must be >= 0: " + maxFrameSize);
        this.role = java.util.Objects.requireNonNull(role, "role");
        this.maxFrameSize = maxFrameSize;
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    public State state() {
        return state;
    }

    /** Whether the parser is between frames (nothing of a frame has been read yet). */
    public boolean isAtFrameBoundary() {
        return state == State.HEADER;
    }

    /** Ignores all further input (after a close frame nothing more is read). */
    public void halt() {
        if (state != State.FAILED) state = State.HALTED;
    }

    /**
     * Consumes all remaining bytes of {@code data} (its position ends at its limit). A heap buffer is
     * unmasked in place; a direct or read-only one is copied through a small scratch array.
     */
    public void feed(ByteBuffer data) throws WebSocketFailedException {
        try {
            if (data.hasArray()) {
                feed(data.array(), data.arrayOffset() + data.position(), data.remaining());
            } else {
                if (scratch == null) scratch = new byte[SCRATCH_SIZE];
                // Absolute bulk reads: no duplicate of the caller's buffer per call.
                int limit = data.limit();
                for (int pos = data.position(); pos < limit && state != State.HALTED; ) {
                    int n = Math.min(limit - pos, scratch.length);
                    data.get(pos, scratch, 0, n);
                    pos += n;
                    feed(scratch, 0, n);
                }
            }
        } finally {
            data.position(data.limit());
        }
    }

    /** Consumes {@code len} bytes; payload bytes are unmasked in place in {@code b}. */
    public void feed(byte[] b, int off, int len) throws WebSocketFailedException {
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", array " + b.length);
        }
        if (state == State.FAILED) {
            throw new WebSocketFailedException(failure.closeCode(), failure.getMessage());
        }
        try {
            int i = off;
            int end = off + len;
            while (i < end) {
                switch (state) {
                    case HEADER:
                        header(b[i++]);
                        break;
                    case LENGTH_7:
                        length7(b[i++]);
                        break;
                    case LENGTH_16:
                    case LENGTH_64:
                    case MASK_KEY:
                        accumulator = (accumulator << 8) | (b[i++] & 0xFF);
                        if (--fieldBytesLeft == 0) fieldComplete();
                        break;
                    case PAYLOAD:
                        int n = (int) Math.min(end - i, payloadRemaining);
                        if (masked) Masking.mask(b, i, n, maskKey, phase);
                        phase = (phase + n) & 3;
                        payloadRemaining -= n;
                        listener.onPayload(b, i, n);
                        i += n;
                        if (payloadRemaining == 0) endFrame();
                        break;
                    case HALTED:
                        return;
                    default:
                        throw new IllegalStateException(state.toString());
                }
            }
        } catch (WebSocketFailedException e) {
            fail(e);
            throw e;
        } catch (RuntimeException | Error e) {
            // The listener broke off in the middle of the stream: the parser cannot resynchronise.
            fail(new WebSocketFailedException(CloseCodes.INTERNAL_ERROR, "frame listener failed: " + e, e));
            throw e;
        }
    }

    private void fail(WebSocketFailedException e) {
        state = State.FAILED;
        failure = e;
    }

    private void header(byte b) throws WebSocketFailedException {
        fin = (b & 0x80) != 0;
        int rsv = (b & 0x70) >>> 4;
        if (rsv != 0) {
            throw protocolError("reserved bits RSV" + describeRsv(rsv) + " set, but no extension was negotiated");
        }
        int code = b & 0x0F;
        opcode = Opcode.of(code);
        if (opcode == null) throw protocolError("reserved opcode 0x" + Integer.toHexString(code));
        if (opcode.isControl() && !fin) throw protocolError("fragmented control frame (" + opcode + " with FIN=0)");
        state = State.LENGTH_7;
    }

    private static String describeRsv(int rsv) {
        StringBuilder s = new StringBuilder();
        if ((rsv & 4) != 0) s.append("1");
        if ((rsv & 2) != 0) s.append(s.length() > 0 ? ",2" : "2");
        if ((rsv & 1) != 0) s.append(s.length() > 0 ? ",3" : "3");
        return s.toString();
    }

    private void length7(byte b) throws WebSocketFailedException {
        masked = (b & 0x80) != 0;
        if (role == Role.SERVER && !masked) throw protocolError("unmasked frame from a client (clients must mask)");
        if (role == Role.CLIENT && masked) throw protocolError("masked frame from a server (servers must not mask)");
        int len7 = b & 0x7F;
        if (opcode.isControl() && len7 > MAX_CONTROL_PAYLOAD) {
            throw protocolError(opcode + " frame payload longer than 125 bytes");
        }
        if (len7 == 126) {
            startField(State.LENGTH_16, 2);
        } else if (len7 == 127) {
            startField(State.LENGTH_64, 8);
        } else {
            lengthKnown(len7);
        }
    }

    private void startField(State field, int bytes) {
        state = field;
        fieldBytesLeft = bytes;
        accumulator = 0;
    }

    private void fieldComplete() throws WebSocketFailedException {
        switch (state) {
            case LENGTH_16:
                if (accumulator < 126) throw protocolError("16-bit length " + accumulator + " should have used the 7-bit form");
                lengthKnown(accumulator);
                break;
            case LENGTH_64:
                if (accumulator < 0) throw protocolError("64-bit length with the most significant bit set");
                if (accumulator < 65536) throw protocolError("64-bit length " + accumulator + " should have used a shorter form");
                lengthKnown(accumulator);
                break;
            case MASK_KEY:
                maskKey = (int) accumulator;
                beginPayload();
                break;
            default:
                throw new IllegalStateException(state.toString());
        }
    }

    private void lengthKnown(long len) throws WebSocketFailedException {
        if (!opcode.isControl() && len > maxFrameSize) {
            throw new WebSocketFailedException(CloseCodes.TOO_BIG,
                    "frame payload of " + len + " bytes exceeds the limit of " + maxFrameSize);
        }
        length = len;
        listener.onFrameStart(fin, opcode, len);
        if (masked) {
            startField(State.MASK_KEY, 4);
        } else {
            beginPayload();
        }
    }

    private void beginPayload() throws WebSocketFailedException {
        payloadRemaining = length;
        phase = 0;
        state = State.PAYLOAD;
        if (length == 0) endFrame();
    }

    private void endFrame() throws WebSocketFailedException {
        state = State.HEADER;
        listener.onFrameEnd(); // may halt() the parser
    }

    private static WebSocketFailedException protocolError(String message) {
        return new WebSocketFailedException(CloseCodes.PROTOCOL_ERROR, message);
    }
}
