package dev.tether.protocol;

import dev.tether.CloseCodes;
import dev.tether.WebSocketFailedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The receive side of a connection: bytes in, messages and control frames out (RFC 6455 §5.4, §5.5, §8.1).
 * Sans-I/O: the caller pushes whatever bytes it has and gets the events synchronously.
 *
 * <p>On top of the frame rules of {@link FrameParser} it enforces the message rules: a continuation needs
 * a message to continue, a new message may not start while a fragmented one is open (control frames may
 * be interleaved), the message size limit (1009, as soon as a frame header would exceed it, before its
 * bytes arrive), UTF-8 of text messages checked on every chunk (1007 at the first bad byte, and for a
 * sequence left open at the end), and the close-frame payload rules.
 *
 * <p>Memory follows what actually arrives: the assembly buffer starts at no more than 64 KiB whatever a
 * header claims, and grows geometrically with the data (at most twice what arrived, never beyond the limit),
 * up to the size the headers announced once the final frame's header has come. Not thread-safe: one reader
 * thread feeds it.
 */
public final class InboundProtocol {

    /** Up to this much is reserved up front for a message whose headers announce at least as much. */
    private static final int INITIAL_BUFFER_LIMIT = 64 * 1024;
    /** The largest byte[] the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final byte[] EMPTY = new byte[0];

    private final InboundListener listener;
    private final long maxMessageSize;
    private final FrameParser parser;
    private final Utf8Validator utf8 = new Utf8Validator();

    /** TEXT or BINARY while a message is being assembled, else null. */
    private Opcode messageType;
    /** The sum of the lengths announced by the frame headers of the open message. */
    private long announcedSize;
    private byte[] message = EMPTY;
    private int messageLength;
    /** A text message that arrived whole in one chunk, decoded straight from the input; delivered at its frame end. */
    private String wholeText;

    /** The opcode of the frame being read. */
    private Opcode frameOpcode;
    private boolean frameFin;
    private long frameLength;
    private final byte[] control = new byte[125];
    private int controlLength;

    private boolean closeReceived;
    private WebSocketFailedException failure;

    /**
     * @param role our side of the connection
     * @param maxFrameSize the largest data-frame payload accepted (1009 beyond)
     * @param maxMessageSize the largest message accepted, all fragments together (1009 beyond)
     */
    public InboundProtocol(Role role, long maxFrameSize, long maxMessageSize, InboundListener listener) {
        if (maxMessageSize < 0) throw new IllegalArgumentException("maxMessageSize must be >= 0: " + maxMessageSize);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.maxMessageSize = Math.min(maxMessageSize, MAX_ARRAY);
        this.parser = new FrameParser(role, maxFrameSize, new Frames());
    }

    /**
     * Consumes every remaining byte (may change the content in place: unmasking); delivers events
     * synchronously. After a close frame has been received, further bytes are ignored. After a violation
     * was thrown, the object is dead (further calls throw the same kind of exception).
     *
     * @throws WebSocketFailedException with the close code to fail the connection with
     */
    public void receive(ByteBuffer data) throws WebSocketFailedException {
        if (failure != null) {
            data.position(data.limit());
            throw new WebSocketFailedException(failure.closeCode(), failure.getMessage());
        }
        if (closeReceived) {
            data.position(data.limit());
            return;
        }
        try {
            parser.feed(data);
        } catch (WebSocketFailedException e) {
            failure = e;
            releaseMessage();
            throw e;
        }
    }

    /** Whether the peer's close frame has arrived (and was delivered to {@link InboundListener#onClose}). */
    public boolean isCloseReceived() {
        return closeReceived;
    }

    /** Whether a fragmented message has been started and not finished yet. */
    public boolean isMessageOpen() {
        return messageType != null;
    }

    /** How many bytes the message assembly buffer holds now (to test that claims do not size it). */
    int assemblyCapacity() {
        return message.length;
    }

    private void releaseMessage() {
        message = EMPTY;
        messageLength = 0;
        messageType = null;
        wholeText = null;
    }

    /** The frame-level callbacks; kept private so that they are not part of this class's API. */
    private final class Frames implements FrameParser.Listener {

        @Override
        public void onFrameStart(boolean fin, Opcode opcode, long length) throws WebSocketFailedException {
            frameOpcode = opcode;
            frameFin = fin;
            frameLength = length;
            if (opcode.isControl()) {
                controlLength = 0;
                return;
            }
            if (opcode == Opcode.CONTINUATION) {
                if (messageType == null) throw protocolError("continuation frame without a message to continue");
            } else {
                if (messageType != null) {
                    throw protocolError("new " + opcode + " frame while a fragmented " + messageType + " message is open");
                }
                messageType = opcode;
                announcedSize = 0;
                messageLength = 0;
                utf8.reset();
            }
            if (length > maxMessageSize - announcedSize) {
                throw new WebSocketFailedException(CloseCodes.TOO_BIG, "message of at least "
                        + (announcedSize + length) + " bytes exceeds the limit of " + maxMessageSize);
            }
            announcedSize += length; // the assembly buffer is reserved when data arrives, not on a claim
        }

        @Override
        public void onPayload(byte[] b, int off, int len) throws WebSocketFailedException {
            if (frameOpcode.isControl()) {
                System.arraycopy(b, off, control, controlLength, len);
                controlLength += len;
                return;
            }
            if (messageType == Opcode.TEXT && !utf8.feed(b, off, len)) {
                throw new WebSocketFailedException(CloseCodes.INVALID_PAYLOAD,
                        "invalid UTF-8 in text message (within bytes " + messageLength + ".." + (messageLength + len - 1) + ")");
            }
            if (messageType == Opcode.TEXT && frameFin && messageLength == 0 && len == frameLength) {
                // The whole message in one chunk (the usual case for small messages): the String is made
                // straight from the input, without copying the bytes into the assembly buffer first.
                wholeText = new String(b, off, len, StandardCharsets.UTF_8);
                messageLength = len;
                return;
            }
            ensureCapacity(messageLength + len);
            System.arraycopy(b, off, message, messageLength, len);
            messageLength += len;
        }

        /**
         * Grows geometrically, so that a message in many small fragments costs linear time, not a copy of
         * the whole message per fragment. Never beyond what the headers announced once the final frame has
         * come; before that, at most twice the data that arrived, and never beyond the limit.
         */
        private void ensureCapacity(int needed) {
            if (needed <= message.length) return;
            if (messageLength == 0) {
                // The first bytes: reserve up to 64 KiB of what is announced, or all that arrived, at once.
                // Nothing to copy, and a large first chunk is not preceded by a 64 KiB buffer thrown away.
                message = new byte[(int) Math.max(needed, Math.min(announcedSize, INITIAL_BUFFER_LIMIT))];
                return;
            }
            long grown = Math.max(needed, Math.max(256L, 2L * message.length));
            long cap = frameFin ? announcedSize : maxMessageSize;
            message = Arrays.copyOf(message, (int) Math.min(grown, cap));
        }

        @Override
        public void onFrameEnd() throws WebSocketFailedException {
            switch (frameOpcode) {
                case PING:
                    listener.onPing(Arrays.copyOf(control, controlLength));
                    break;
                case PONG:
                    listener.onPong(Arrays.copyOf(control, controlLength));
                    break;
                case CLOSE:
                    closeFrame();
                    break;
                default:
                    if (frameFin) messageComplete();
            }
        }

        private void messageComplete() throws WebSocketFailedException {
            Opcode type = messageType;
            if (type == Opcode.TEXT && !utf8.isComplete()) {
                throw new WebSocketFailedException(CloseCodes.INVALID_PAYLOAD, "text message ends inside a UTF-8 sequence");
            }
            String text = wholeText;
            byte[] buffer = message;
            int length = messageLength;
            messageType = null;
            messageLength = 0;
            announcedSize = 0;
            wholeText = null;
            if (text != null) {
                listener.onText(text);
                return;
            }
            boolean handOver = type == Opcode.BINARY && buffer.length == length; // exactly filled: no copy
            if (handOver || buffer.length > INITIAL_BUFFER_LIMIT) {
                message = EMPTY; // keep a small buffer for the next message, let a large one go
            }
            if (type == Opcode.TEXT) {
                listener.onText(new String(buffer, 0, length, StandardCharsets.UTF_8));
            } else {
                listener.onBinary(handOver ? buffer : Arrays.copyOf(buffer, length));
            }
        }

        private void closeFrame() throws WebSocketFailedException {
            int code;
            String reason;
            if (controlLength == 0) {
                code = CloseCodes.NO_STATUS;
                reason = "";
            } else if (controlLength == 1) {
                throw protocolError("close frame with a 1-byte payload (a close code needs 2 bytes)");
            } else {
                code = ((control[0] & 0xFF) << 8) | (control[1] & 0xFF);
                if (!CloseCodes.isValidOnWire(code)) throw protocolError("invalid close code " + code);
                if (!Utf8Validator.isValid(control, 2, controlLength - 2)) {
                    throw new WebSocketFailedException(CloseCodes.INVALID_PAYLOAD, "close reason is not valid UTF-8");
                }
                reason = new String(control, 2, controlLength - 2, StandardCharsets.UTF_8);
            }
            closeReceived = true;
            parser.halt();
            listener.onClose(code, reason);
        }
    }

    private static WebSocketFailedException protocolError(String message) {
        return new WebSocketFailedException(CloseCodes.PROTOCOL_ERROR, message);
    }
}
