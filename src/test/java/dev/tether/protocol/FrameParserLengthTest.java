package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketFailedException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Payload lengths: minimal encodings only, no top bit, and the frame and message limits enforced from
 * the header alone, before any payload arrives and without allocating what the header claims.
 */
class FrameParserLengthTest {

    private static final long MIB_16 = 16L * 1024 * 1024;

    @Test
    void topBitOf64BitLengthIs1002AtTheLastLengthByte() {
        InboundHarness.Outcome outcome = InboundHarness.server(Hex.bytes("82 ff 80 00 00 00 00 00 00 00 37 fa 21 3d"))
                .assertFailure(CloseCodes.PROTOCOL_ERROR);
        assertEquals(9, outcome.failedAtByte());
        InboundHarness.client(Hex.bytes("82 7f ff ff ff ff ff ff ff ff")).assertFailure(CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void claimOf2To63Minus1Is1009AtTheLastLengthByte() {
        InboundHarness.Outcome outcome = InboundHarness.server(Hex.bytes("82 ff 7f ff ff ff ff ff ff ff 37 fa 21 3d 00"))
                .assertFailure(CloseCodes.TOO_BIG);
        assertEquals(9, outcome.failedAtByte());
    }

    @Test
    void claimOf2To62With16MiBLimitFailsFastWithoutAllocating() {
        // 2^62 bytes could never be allocated: getting a clean 1009 at the header proves nothing was sized
        // from the claim, and byte-wise feeding shows it fails before the masking key or any payload.
        byte[] header = Hex.bytes("82 ff 40 00 00 00 00 00 00 00 37 fa 21 3d 01 02 03");
        InboundHarness.Outcome outcome = InboundHarness.run(Role.SERVER, MIB_16, MIB_16, header).assertFailure(CloseCodes.TOO_BIG);
        assertEquals(9, outcome.failedAtByte());
        assertTrue(outcome.failureMessage().contains("4611686018427387904"), outcome.failureMessage());
    }

    @Test
    void unlimitedSettingsStillRefuseWhatNoArrayCanHold() {
        byte[] header = Hex.bytes("82 ff 40 00 00 00 00 00 00 00 37 fa 21 3d");
        InboundHarness.run(Role.SERVER, Long.MAX_VALUE, Long.MAX_VALUE, header).assertFailure(CloseCodes.TOO_BIG);
    }

    @Test
    void nonMinimal16BitLengthsAre1002() {
        for (String len : new String[] {"00 00", "00 01", "00 7d"}) {
            InboundHarness.Outcome outcome = InboundHarness.server(Hex.bytes("82 fe " + len + " 37 fa 21 3d"))
                    .assertFailure(CloseCodes.PROTOCOL_ERROR);
            assertEquals(3, outcome.failedAtByte(), len);
        }
        InboundHarness.client(Hex.bytes("82 7e 00 7d")).assertFailure(CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void nonMinimal64BitLengthsAre1002() {
        for (String len : new String[] {"00 00 00 00 00 00 00 00", "00 00 00 00 00 00 00 7d",
                "00 00 00 00 00 00 00 7e", "00 00 00 00 00 00 ff ff"}) {
            InboundHarness.Outcome outcome = InboundHarness.server(Hex.bytes("82 ff " + len + " 37 fa 21 3d"))
                    .assertFailure(CloseCodes.PROTOCOL_ERROR);
            assertEquals(9, outcome.failedAtByte(), len);
        }
    }

    @Test
    void minimalBoundaryLengthsAreAccepted() {
        for (int n : new int[] {0, 125, 126, 65535, 65536}) {
            byte[] payload = RfcExamplesParsingTest.pattern(n);
            InboundHarness.run(Role.SERVER, MIB_16, MIB_16, TestFrames.fromClient(true, Opcode.BINARY, payload))
                    .assertNoFailure().assertEvents(RfcExamplesParsingTest.binaryEvent(payload));
        }
    }

    @Test
    void frameOverTheFrameLimitIs1009AtItsHeader() {
        InboundHarness.run(Role.SERVER, 1000, MIB_16, TestFrames.fromClient(true, Opcode.BINARY, new byte[1000])).assertNoFailure();
        InboundHarness.Outcome outcome = InboundHarness.run(Role.SERVER, 1000, MIB_16,
                TestFrames.fromClient(true, Opcode.BINARY, new byte[1001])).assertFailure(CloseCodes.TOO_BIG);
        assertEquals(3, outcome.failedAtByte(), "at the 16-bit length, before key and payload");
        // Small limits apply to the 7-bit form too.
        InboundHarness.run(Role.CLIENT, 10, 100, TestFrames.fromServer(true, Opcode.TEXT, new byte[11]))
                .assertFailure(CloseCodes.TOO_BIG);
    }

    @Test
    void messageOverTheMessageLimitIs1009AtTheHeaderThatExceedsIt() {
        byte[] first = TestFrames.fromClient(false, Opcode.BINARY, new byte[600]);
        byte[] ping = TestFrames.fromClient(true, Opcode.PING, new byte[100]);
        byte[] exactRest = TestFrames.fromClient(true, Opcode.CONTINUATION, new byte[400]);
        InboundHarness.run(Role.SERVER, 1000, 1000, Hex.concat(first, ping, exactRest))
                .assertNoFailure().assertEvents("ping:" + Hex.of(new byte[100]), RfcExamplesParsingTest.binaryEvent(new byte[1000]));

        byte[] tooMuch = TestFrames.fromClient(true, Opcode.CONTINUATION, new byte[401]);
        InboundHarness.Outcome outcome = InboundHarness.run(Role.SERVER, 1000, 1000, Hex.concat(first, ping, tooMuch))
                .assertFailure(CloseCodes.TOO_BIG);
        assertEquals(first.length + ping.length + 3, outcome.failedAtByte(), "at the header, before the payload");
    }

    @Test
    void messageLimitAppliesToASingleFrameMessage() {
        InboundHarness.run(Role.SERVER, MIB_16, 100, TestFrames.fromClient(true, Opcode.TEXT, new byte[101]))
                .assertFailure(CloseCodes.TOO_BIG);
    }

    @Test
    void assemblyBufferFollowsArrivingDataNotTheClaim() throws WebSocketFailedException {
        InboundProtocol protocol = new InboundProtocol(Role.CLIENT, Integer.MAX_VALUE, Integer.MAX_VALUE, new InboundHarness.Recorder());
        // A header claiming 1 GiB, then only a little data.
        protocol.receive(ByteBuffer.wrap(Hex.bytes("82 7f 00 00 00 00 40 00 00 00")));
        assertTrue(protocol.assemblyCapacity() <= 64 * 1024, "initial: " + protocol.assemblyCapacity());
        byte[] chunk = new byte[10_000];
        int received = 0;
        for (int i = 0; i < 50; i++) {
            protocol.receive(ByteBuffer.wrap(chunk));
            received += chunk.length;
            int capacity = protocol.assemblyCapacity();
            assertTrue(capacity >= received, "holds what arrived");
            assertTrue(capacity <= Math.max(64 * 1024, 2 * received), "grows with the data: " + capacity + " for " + received);
        }
    }

    @Test
    void assemblyBufferNeverExceedsTwiceWhatTheHeadersAnnounced() throws WebSocketFailedException {
        InboundProtocol protocol = new InboundProtocol(Role.CLIENT, MIB_16, MIB_16, new InboundHarness.Recorder());
        int announced = 0;
        for (int n : new int[] {70_000, 1, 50_000, 3}) {
            protocol.receive(ByteBuffer.wrap(TestFrames.fromServer(false, announced == 0 ? Opcode.BINARY : Opcode.CONTINUATION, new byte[n])));
            announced += n;
            assertTrue(protocol.assemblyCapacity() <= 2 * announced, protocol.assemblyCapacity() + " > 2 × " + announced);
        }
    }

    @Test
    void assemblyBufferStaysWithinTheAnnouncedTotalOnceTheFinalHeaderHasCome() throws WebSocketFailedException {
        InboundProtocol protocol = new InboundProtocol(Role.CLIENT, MIB_16, MIB_16, new InboundHarness.Recorder());
        protocol.receive(ByteBuffer.wrap(TestFrames.fromServer(false, Opcode.BINARY, new byte[100_000])));
        byte[] last = TestFrames.fromServer(true, Opcode.CONTINUATION, new byte[100_000]);
        protocol.receive(ByteBuffer.wrap(java.util.Arrays.copyOf(last, last.length - 50_000))); // half of its payload
        assertTrue(protocol.assemblyCapacity() <= 200_000, "capped by the announced total: " + protocol.assemblyCapacity());
    }

    @Test
    void manySmallFragmentsGrowTheBufferGeometricallyNotOnceEachFragment() throws WebSocketFailedException {
        // Regression: the buffer grew to exactly the announced size on every fragment, copying the whole
        // message once per frame (quadratic: 4 MiB in 64-byte fragments took over 20 s on a server).
        InboundProtocol protocol = new InboundProtocol(Role.CLIENT, MIB_16, MIB_16, new InboundHarness.Recorder());
        int fragments = 65_536;
        int growths = 0;
        int capacity = protocol.assemblyCapacity();
        for (int i = 0; i < fragments; i++) {
            protocol.receive(ByteBuffer.wrap(TestFrames.fromServer(i == fragments - 1, i == 0 ? Opcode.BINARY : Opcode.CONTINUATION, new byte[64])));
            if (i < fragments - 1 && protocol.assemblyCapacity() != capacity) {
                growths++;
                capacity = protocol.assemblyCapacity();
            }
        }
        assertTrue(growths <= 40, "the buffer grew " + growths + " times for " + fragments + " fragments");
    }

    @Test
    void constructorRejectsNegativeLimits() {
        assertThrows(IllegalArgumentException.class, () -> new InboundProtocol(Role.SERVER, -1, 10, new InboundHarness.Recorder()));
        assertThrows(IllegalArgumentException.class, () -> new InboundProtocol(Role.SERVER, 10, -1, new InboundHarness.Recorder()));
    }
}
