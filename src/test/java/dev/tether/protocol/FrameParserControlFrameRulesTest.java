package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.CloseCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Control frames: never fragmented, at most 125 bytes, allowed between fragments (Autobahn sections 2, 5). */
class FrameParserControlFrameRulesTest {

    @ParameterizedTest
    @EnumSource(value = Opcode.class, names = {"PING", "PONG", "CLOSE"})
    void fragmentedControlFrameIs1002OnItsFirstByte(Opcode opcode) {
        InboundHarness.Outcome outcome = InboundHarness.server(TestFrames.fromClient(false, opcode, new byte[0]))
                .assertFailure(CloseCodes.PROTOCOL_ERROR);
        assertEquals(0, outcome.failedAtByte());
        outcome.assertEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Opcode.class, names = {"PING", "PONG", "CLOSE"})
    void controlPayloadOf126IsRejectedAtTheLengthByte(Opcode opcode) {
        byte[] frame = TestFrames.fromClient(true, opcode, new byte[126]);
        InboundHarness.Outcome outcome = InboundHarness.server(frame).assertFailure(CloseCodes.PROTOCOL_ERROR);
        assertEquals(1, outcome.failedAtByte(), "before the extended length is read");
    }

    @Test
    void controlWithA64BitLengthIsRejectedAtTheLengthByte() {
        byte[] frame = Hex.bytes("89 ff 00 00 00 00 00 01 00 00 00 00 00 00");
        assertEquals(1, InboundHarness.server(frame).assertFailure(CloseCodes.PROTOCOL_ERROR).failedAtByte());
    }

    @Test
    void pingsAndPongsOfEveryAllowedSizeAreDeliveredAsCopies() {
        byte[] p125 = RfcExamplesParsingTest.pattern(125);
        byte[] input = Hex.concat(
                TestFrames.fromClient(true, Opcode.PING, new byte[0]),
                TestFrames.fromClient(true, Opcode.PING, p125),
                TestFrames.fromClient(true, Opcode.PONG, new byte[] {(byte) 0xFF}),
                TestFrames.fromClient(true, Opcode.PONG, new byte[0]));
        InboundHarness.server(input).assertNoFailure()
                .assertEvents("ping:", "ping:" + Hex.of(p125), "pong:ff", "pong:");
    }

    @Test
    void controlFramesMayArriveBetweenFragments() {
        byte[] input = Hex.concat(
                TestFrames.fromClient(false, Opcode.TEXT, TestFrames.utf8("frag")),
                TestFrames.fromClient(true, Opcode.PING, TestFrames.utf8("1")),
                TestFrames.fromClient(false, Opcode.CONTINUATION, TestFrames.utf8("men")),
                TestFrames.fromClient(true, Opcode.PONG, TestFrames.utf8("2")),
                TestFrames.fromClient(true, Opcode.PING, new byte[0]),
                TestFrames.fromClient(true, Opcode.CONTINUATION, TestFrames.utf8("ted")),
                TestFrames.text("next"));
        InboundHarness.server(input).assertNoFailure()
                .assertEvents("ping:31", "pong:32", "ping:", "text:fragmented", "text:next");
    }

    @Test
    void closeBetweenFragmentsEndsTheConnectionWithoutTheMessage() {
        byte[] input = Hex.concat(
                TestFrames.fromClient(false, Opcode.BINARY, new byte[] {1}),
                TestFrames.fromClient(true, Opcode.CLOSE, TestFrames.closePayload(1000, new byte[0])),
                TestFrames.fromClient(true, Opcode.CONTINUATION, new byte[] {2}));
        InboundHarness.server(input).assertNoFailure().assertEvents("close:1000:");
    }

    @Test
    void pingPayloadIsACopyNotAViewOfTheInput() {
        byte[] payload = {1, 2, 3};
        byte[][] received = new byte[1][];
        InboundProtocol protocol = new InboundProtocol(Role.CLIENT, 1000, 1000, new InboundHarness.Recorder() {
            @Override
            public void onPing(byte[] p) {
                received[0] = p;
            }
        });
        byte[] frame = TestFrames.fromServer(true, Opcode.PING, payload);
        try {
            protocol.receive(java.nio.ByteBuffer.wrap(frame));
        } catch (dev.tether.WebSocketFailedException e) {
            throw new AssertionError(e);
        }
        java.util.Arrays.fill(frame, (byte) 0);
        assertEquals("01 02 03", Hex.of(received[0]));
    }
}
