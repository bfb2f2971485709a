package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {

    private static final String HELLO = "48 65 6c 6c 6f";
    private static final byte[] HELLO_BYTES = TestFrames.utf8("Hello");

    private final FrameEncoder server = new FrameEncoder(Role.SERVER);
    private final FrameEncoder fixedKeyClient = new FrameEncoder(Role.CLIENT, () -> TestFrames.KEY);

    private static byte[] bytes(ByteBuffer... buffers) {
        int n = 0;
        for (ByteBuffer b : buffers) n += b.remaining();
        byte[] out = new byte[n];
        int pos = 0;
        for (ByteBuffer b : buffers) {
            ByteBuffer d = b.duplicate();
            int r = d.remaining();
            d.get(out, pos, r);
            pos += r;
        }
        return out;
    }

    private static void assertReady(ByteBuffer... buffers) {
        for (ByteBuffer b : buffers) {
            assertTrue(b.hasArray(), "heap buffer");
            assertEquals(0, b.position(), "position 0");
        }
    }

    // --- RFC 6455 §5.7 examples, encoded ---

    @Test
    void rfcUnmaskedTextFromServer() {
        ByteBuffer[] frame = server.dataFrame(Opcode.TEXT, true, HELLO_BYTES, 0, 5);
        assertReady(frame);
        assertEquals("81 05 " + HELLO, Hex.of(bytes(frame)));
    }

    @Test
    void rfcMaskedTextFromClient() {
        ByteBuffer[] frame = fixedKeyClient.dataFrame(Opcode.TEXT, true, HELLO_BYTES, 0, 5);
        assertEquals(1, frame.length);
        assertReady(frame);
        assertEquals("81 85 37 fa 21 3d 7f 9f 4d 51 58", Hex.of(bytes(frame)));
    }

    @Test
    void rfcFragmentedUnmaskedText() {
        byte[] first = bytes(server.dataFrame(Opcode.TEXT, false, HELLO_BYTES, 0, 3));
        byte[] second = bytes(server.dataFrame(Opcode.CONTINUATION, true, HELLO_BYTES, 3, 2));
        assertEquals("01 03 48 65 6c", Hex.of(first));
        assertEquals("80 02 6c 6f", Hex.of(second));
    }

    @Test
    void rfcUnmaskedPingAndMaskedPong() {
        ByteBuffer ping = server.controlFrame(Opcode.PING, HELLO_BYTES);
        assertReady(ping);
        assertEquals("89 05 " + HELLO, Hex.of(bytes(ping)));
        ByteBuffer pong = fixedKeyClient.controlFrame(Opcode.PONG, HELLO_BYTES);
        assertReady(pong);
        assertEquals("8a 85 37 fa 21 3d 7f 9f 4d 51 58", Hex.of(bytes(pong)));
    }

    @Test
    void rfc256And64KiBBinaryHeaders() {
        ByteBuffer[] f256 = server.dataFrame(Opcode.BINARY, true, new byte[256], 0, 256);
        assertEquals("82 7e 01 00", Hex.of(bytes(f256[0])));
        ByteBuffer[] f64k = server.dataFrame(Opcode.BINARY, true, new byte[65536], 0, 65536);
        assertEquals("82 7f 00 00 00 00 00 01 00 00", Hex.of(bytes(f64k[0])));
    }

    // --- length encodings are minimal ---

    @Test
    void lengthEncodingBoundaries() {
        assertEquals("82 00", Hex.of(bytes(server.dataFrame(Opcode.BINARY, true, new byte[0], 0, 0)[0])));
        assertEquals("82 7d", Hex.of(bytes(server.dataFrame(Opcode.BINARY, true, new byte[125], 0, 125)[0])));
        assertEquals("82 7e 00 7e", Hex.of(bytes(server.dataFrame(Opcode.BINARY, true, new byte[126], 0, 126)[0])));
        assertEquals("82 7e ff ff", Hex.of(bytes(server.dataFrame(Opcode.BINARY, true, new byte[65535], 0, 65535)[0])));
        byte[] client125 = bytes(fixedKeyClient.dataFrame(Opcode.BINARY, true, new byte[125], 0, 125));
        assertEquals("82 fd 37 fa 21 3d", Hex.of(client125, 0, 6));
        byte[] client126 = bytes(fixedKeyClient.dataFrame(Opcode.BINARY, true, new byte[126], 0, 126));
        assertEquals("82 fe 00 7e 37 fa 21 3d", Hex.of(client126, 0, 8));
        byte[] client64k = bytes(fixedKeyClient.dataFrame(Opcode.BINARY, false, new byte[65536], 0, 65536));
        assertEquals("02 ff 00 00 00 00 00 01 00 00 37 fa 21 3d", Hex.of(client64k, 0, 14));
        assertEquals(14 + 65536, client64k.length);
    }

    // --- server: unmasked, zero-copy ---

    @Test
    void serverDataFrameWrapsThePayloadWithoutCopying() {
        byte[] payload = TestFrames.utf8("xxHello worldyy");
        ByteBuffer[] frame = server.dataFrame(Opcode.BINARY, true, payload, 2, 11);
        assertEquals(2, frame.length);
        assertReady(frame);
        assertSame(payload, frame[1].array(), "the caller's array, not a copy");
        assertEquals(11, frame[1].remaining());
        assertEquals("82 0b", Hex.of(bytes(frame[0])));
        assertEquals("Hello world", new String(bytes(frame[1]), StandardCharsets.UTF_8));
        payload[2] = 'J';
        assertEquals('J', frame[1].get(0), "a view of the caller's array");
    }

    // --- client: masked copies, fresh keys ---

    @Test
    void clientFramesUseDifferentKeysAndNeverTouchTheCallersArray() {
        FrameEncoder client = new FrameEncoder(Role.CLIENT);
        byte[] payload = new byte[40];
        byte[] original = payload.clone();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 600; i++) { // more than one batch of keys
            byte[] frame = bytes(client.dataFrame(Opcode.BINARY, true, payload, 0, payload.length));
            assertEquals((byte) 0xA8, frame[1], "mask bit and length 40");
            keys.add(Hex.of(frame, 2, 4));
            // zero payload masked with the key is the key repeated
            assertEquals(Hex.of(frame, 2, 4), Hex.of(frame, 6, 4));
        }
        assertArrayEquals(original, payload);
        assertTrue(keys.size() >= 599, "fresh keys; distinct: " + keys.size());
    }

    @Test
    void clientFramesRoundTripThroughAServerParser() {
        FrameEncoder client = new FrameEncoder(Role.CLIENT);
        byte[] text = TestFrames.utf8("héllo wörld €𝄞");
        byte[] input = Hex.concat(
                bytes(client.dataFrame(Opcode.TEXT, false, text, 0, 7)),
                bytes(client.controlFrame(Opcode.PING, TestFrames.utf8("p"))),
                bytes(client.dataFrame(Opcode.CONTINUATION, true, text, 7, text.length - 7)),
                bytes(client.dataFrame(Opcode.BINARY, true, new byte[70000], 0, 70000)),
                bytes(client.closeFrame(1000, "bye")));
        InboundHarness.server(input).assertNoFailure().assertEvents(
                "ping:70", "text:héllo wörld €𝄞", RfcExamplesParsingTest.binaryEvent(new byte[70000]), "close:1000:bye");
    }

    @Test
    void serverFramesRoundTripThroughAClientParser() {
        byte[] input = Hex.concat(
                bytes(server.dataFrame(Opcode.TEXT, true, TestFrames.utf8("hi"), 0, 2)),
                bytes(server.controlFrame(Opcode.PONG, new byte[] {1, 2})),
                bytes(server.closeFrame(1005, "ignored")));
        InboundHarness.client(input).assertNoFailure().assertEvents("text:hi", "pong:01 02", "close:1005:");
    }

    @Test
    void keysAreSafeToDrawFromManyThreads() throws Exception {
        FrameEncoder client = new FrameEncoder(Role.CLIENT);
        Set<String> keys = ConcurrentHashMap.newKeySet();
        int threads = 4;
        int perThread = 300;
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    ByteBuffer f = client.controlFrame(Opcode.PING, new byte[0]);
                    keys.add(Hex.of(f.array(), 2, 4));
                }
            });
            workers[t].start();
        }
        start.countDown();
        for (Thread w : workers) w.join(30_000);
        // Collisions of random 32-bit keys among 1200 are possible but rare (p ~ 2e-4); a shared batch slot
        // handed out twice would give hundreds of duplicates.
        assertTrue(keys.size() >= threads * perThread - 2, "distinct keys: " + keys.size());
    }

    // --- control and close frames ---

    @Test
    void controlFramePayloadLimit() {
        assertEquals(127, server.controlFrame(Opcode.PING, new byte[125]).remaining());
        assertThrows(IllegalArgumentException.class, () -> server.controlFrame(Opcode.PING, new byte[126]));
        assertThrows(IllegalArgumentException.class, () -> server.controlFrame(Opcode.CLOSE, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> server.controlFrame(Opcode.TEXT, new byte[0]));
        assertEquals("8a 00", Hex.of(bytes(server.controlFrame(Opcode.PONG, null))));
    }

    @Test
    void dataFrameRejectsControlOpcodesAndBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> server.dataFrame(Opcode.PING, true, new byte[1], 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> server.dataFrame(Opcode.TEXT, true, new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> fixedKeyClient.dataFrame(Opcode.TEXT, true, new byte[4], -1, 2));
    }

    @Test
    void closeFrames() {
        assertEquals("88 00", Hex.of(bytes(server.closeFrame(1005, "whatever"))));
        assertEquals("88 02 03 e8", Hex.of(bytes(server.closeFrame(1000, null))));
        assertEquals("88 05 03 e9 62 79 65", Hex.of(bytes(server.closeFrame(1001, "bye"))));
        assertEquals("88 02 0f a0", Hex.of(bytes(server.closeFrame(4000, ""))));
        ByteBuffer masked = fixedKeyClient.closeFrame(1000, "");
        assertReady(masked);
        assertEquals("88 82 37 fa 21 3d", Hex.of(masked.array(), 0, 6));
        for (int bad : new int[] {0, 999, 1004, 1006, 1015, 1016, 2999, 5000, 65535, -1}) {
            assertThrows(IllegalArgumentException.class, () -> server.closeFrame(bad, "x"), "code " + bad);
        }
    }

    @Test
    void closeReasonIsCutTo123BytesAtACharacterBoundary() {
        String ascii = "a".repeat(200);
        assertEquals(2 + 2 + 123, server.closeFrame(1000, ascii).remaining());

        String euroAtTheEdge = "a".repeat(121) + "€"; // 124 bytes, the euro sign spans bytes 121..123
        ByteBuffer frame = server.closeFrame(1000, euroAtTheEdge);
        byte[] b = bytes(frame);
        assertEquals(2 + 2 + 121, b.length);
        assertEquals("a".repeat(121), new String(b, 4, b.length - 4, StandardCharsets.UTF_8));

        String accents = "é".repeat(62); // 124 bytes of 2-byte characters
        byte[] c = bytes(server.closeFrame(1000, accents));
        assertEquals("é".repeat(61), new String(c, 4, c.length - 4, StandardCharsets.UTF_8));

        String clef = "ab" + "𝄞".repeat(31); // 2 + 124 bytes of 4-byte characters
        byte[] d = bytes(server.closeFrame(1000, clef));
        assertEquals("ab" + "𝄞".repeat(30), new String(d, 4, d.length - 4, StandardCharsets.UTF_8));

        String exact = "€".repeat(41); // exactly 123 bytes: kept whole
        byte[] e = bytes(server.closeFrame(1000, exact));
        assertEquals(exact, new String(e, 4, e.length - 4, StandardCharsets.UTF_8));
    }

    @Test
    void everyTruncatedReasonIsValidUtf8AndALongestPrefix() {
        String[] pieces = {"a", "é", "€", "𝄞"};
        java.util.Random random = new java.util.Random(5);
        for (int n = 0; n < 500; n++) {
            StringBuilder s = new StringBuilder();
            while (s.length() < 140) s.append(pieces[random.nextInt(pieces.length)]);
            byte[] frame = bytes(server.closeFrame(1000, s.toString()));
            String reason = new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8);
            assertTrue(Utf8Validator.isValid(frame, 4, frame.length - 4));
            assertTrue(s.toString().startsWith(reason));
            int used = frame.length - 4;
            assertTrue(used <= 123 && used > 119, "uses the room: " + used);
            assertNotEquals('\uFFFD', reason.isEmpty() ? 'x' : reason.charAt(reason.length() - 1));
        }
    }
}
