package dev.tether.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tether.WebSocketFailedException;
import dev.tether.fuzz.Chunks.BufferKind;
import dev.tether.protocol.FrameEncoder;
import dev.tether.protocol.InboundProtocol;
import dev.tether.protocol.Opcode;
import dev.tether.protocol.ProtocolTestAccess;
import dev.tether.protocol.Role;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Timeout;

/**
 * {@link FrameEncoder} to {@link InboundProtocol}: whatever one side encodes (messages whole or in
 * fragments, split anywhere, even inside a UTF-8 character, control frames in between, a close at the
 * end), the other side decodes to exactly the original messages, in both directions (a client's masked
 * frames to a server, a server's plain frames to a client), with any masking keys and any cut of the
 * stream. The encoder never modifies the caller's payload array.
 *
 * <p>Input layout: flags (bit 0: the server sends; bits 1-2: buffer kind), masking-key seed (u32), the receiver's cut
 * ({@link Chunks}), then operations until the input ends: op byte (mod 7: text, binary, fragmented text,
 * fragmented binary, ping, pong, close) and its parameters (length-prefixed payloads).
 */
class FrameRoundTripFuzzTest {

    private static final long LIMIT = 1 << 20;
    private static final int[] CLOSE_CODES = {1005, 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999};

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void encodedFramesDecodeToTheOriginal(byte[] data) throws WebSocketFailedException {
        FuzzInput in = new FuzzInput(data);
        int flags = in.u8();
        Role sender = (flags & 1) != 0 ? Role.SERVER : Role.CLIENT;
        Role receiver = sender == Role.SERVER ? Role.CLIENT : Role.SERVER;
        FrameEncoder encoder = ProtocolTestAccess.encoder(sender, keys(in.u32()));
        Chunks chunks = Chunks.read(in);

        Wire wire = new Wire();
        List<String> expected = new ArrayList<>();
        boolean closed = false;
        while (!in.isEmpty() && !closed) {
            switch (in.u8() % 7) {
                case 0: {
                    byte[] text = validUtf8(in.lengthPrefixed());
                    wire.data(encoder, Opcode.TEXT, true, text);
                    expected.add("text:" + new String(text, StandardCharsets.UTF_8));
                    break;
                }
                case 1: {
                    byte[] bytes = in.lengthPrefixed();
                    wire.data(encoder, Opcode.BINARY, true, bytes);
                    expected.add("binary:" + EventLog.hex(bytes));
                    break;
                }
                case 2: {
                    byte[] text = validUtf8(in.lengthPrefixed());
                    fragments(in, encoder, wire, Opcode.TEXT, text, expected);
                    expected.add("text:" + new String(text, StandardCharsets.UTF_8));
                    break;
                }
                case 3: {
                    byte[] bytes = in.lengthPrefixed();
                    fragments(in, encoder, wire, Opcode.BINARY, bytes, expected);
                    expected.add("binary:" + EventLog.hex(bytes));
                    break;
                }
                case 4: {
                    byte[] payload = controlPayload(in);
                    wire.add(encoder.controlFrame(Opcode.PING, payload));
                    expected.add("ping:" + EventLog.hex(payload));
                    break;
                }
                case 5: {
                    byte[] payload = controlPayload(in);
                    wire.add(encoder.controlFrame(Opcode.PONG, payload));
                    expected.add("pong:" + EventLog.hex(payload));
                    break;
                }
                default: {
                    int code = CLOSE_CODES[in.u8() % CLOSE_CODES.length];
                    String reason = new String(in.lengthPrefixed(), StandardCharsets.UTF_8);
                    wire.add(encoder.closeFrame(code, reason));
                    expected.add(code == 1005 ? "close:1005:" : "close:" + code + ":" + cutToUtf8Bytes(reason, 123));
                    closed = true;
                }
            }
        }

        byte[] stream = wire.bytes();
        EventLog log = new EventLog(LIMIT);
        InboundProtocol protocol = new InboundProtocol(receiver, LIMIT, LIMIT, log);
        Chunks.Source source = BufferKind.of(flags >>> 1).over(stream);
        for (int[] cut : chunks.cut(stream.length)) {
            protocol.receive(source.chunk(cut[0], cut[1])); // any failure is a finding
        }
        assertEquals(expected, log.events, () -> sender + " to " + receiver);
        assertEquals(closed, protocol.isCloseReceived(), "close received");
        assertFalse(protocol.isMessageOpen(), "no message left open");
    }

    /** A message as 1..5 fragments cut at input-chosen points, with input-chosen pings in between. */
    private static void fragments(FuzzInput in, FrameEncoder encoder, Wire wire, Opcode type, byte[] message, List<String> expected) {
        int count = 1 + in.u8() % 5;
        int[] cuts = new int[count + 1];
        cuts[count] = message.length;
        for (int i = 1; i < count; i++) cuts[i] = in.u8() % (message.length + 1);
        Arrays.sort(cuts, 1, count);
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            wire.data(encoder, i == 0 ? type : Opcode.CONTINUATION, last, Arrays.copyOfRange(message, cuts[i], cuts[i + 1]));
            if (!last && in.bit()) {
                byte[] payload = {(byte) i};
                wire.add(encoder.controlFrame(Opcode.PING, payload));
                expected.add("ping:" + EventLog.hex(payload));
            }
        }
    }

    private static byte[] controlPayload(FuzzInput in) {
        byte[] b = in.lengthPrefixed();
        return b.length <= 125 ? b : Arrays.copyOf(b, 125);
    }

    /** The input's bytes made into valid UTF-8 (malformed sequences become U+FFFD). */
    private static byte[] validUtf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    /** The longest prefix of {@code s} whose UTF-8 form fits in {@code max} bytes, whole characters only. */
    private static String cutToUtf8Bytes(String s, int max) {
        int bytes = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > max) break;
            bytes += size;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** Masking keys from a seed (xorshift): reproducible, and the seed 0 gives the all-zero key. */
    private static IntSupplier keys(int seed) {
        int[] state = {seed};
        return () -> {
            int x = state[0];
            if (x != 0) {
                x ^= x << 13;
                x ^= x >>> 17;
                x ^= x << 5;
            }
            state[0] = x;
            return x;
        };
    }

    /** The byte stream on the wire, collected from the encoder's buffers. */
    private static final class Wire {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int frames;

        /** Encodes a data frame from the middle of a larger array, and checks the array was left alone. */
        void data(FrameEncoder encoder, Opcode opcode, boolean fin, byte[] payload) {
            int offset = frames % 4;
            byte[] array = new byte[offset + payload.length + 3];
            Arrays.fill(array, (byte) 0x5A);
            System.arraycopy(payload, 0, array, offset, payload.length);
            byte[] before = array.clone();
            for (ByteBuffer b : encoder.dataFrame(opcode, fin, array, offset, payload.length)) add(b);
            assertArrayEquals(before, array, "the encoder must not modify the caller's payload");
        }

        void add(ByteBuffer frame) {
            byte[] b = new byte[frame.remaining()];
            frame.duplicate().get(b);
            out.writeBytes(b);
            frames++;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
