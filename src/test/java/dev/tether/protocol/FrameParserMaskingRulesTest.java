package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.CloseCodes;
import org.junit.jupiter.api.Test;

/** Clients mask, servers do not (RFC 6455 §5.1); a mismatch is a protocol error (Autobahn section 1, 9). */
class FrameParserMaskingRulesTest {

    @Test
    void serverRejectsUnmaskedFramesAtTheLengthByte() {
        InboundHarness.Outcome outcome = InboundHarness.server(Hex.bytes("81 05 48 65 6c 6c 6f"))
                .assertFailure(CloseCodes.PROTOCOL_ERROR);
        assertEquals(1, outcome.failedAtByte());
        InboundHarness.server(Hex.bytes("89 00")).assertFailure(CloseCodes.PROTOCOL_ERROR);
        InboundHarness.server(Hex.bytes("88 00")).assertFailure(CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void clientRejectsMaskedFramesAtTheLengthByte() {
        InboundHarness.Outcome outcome = InboundHarness.client(Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58"))
                .assertFailure(CloseCodes.PROTOCOL_ERROR);
        assertEquals(1, outcome.failedAtByte());
        InboundHarness.client(Hex.bytes("8a 80 00 00 00 00")).assertFailure(CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void oneUnmaskedFrameAmongMaskedOnesFails() {
        byte[] input = Hex.concat(TestFrames.text("a"), TestFrames.fromServer(true, Opcode.TEXT, TestFrames.utf8("b")));
        InboundHarness.server(input).assertFailure(CloseCodes.PROTOCOL_ERROR).assertEvents("text:a");
    }

    @Test
    void everyKeyUnmasksCorrectlyAcrossChunks() {
        byte[] payload = RfcExamplesParsingTest.pattern(300);
        int[] keys = {0, -1, 0x01020304, 0x80000001, TestFrames.KEY};
        for (int key : keys) {
            byte[] frame = TestFrames.frame(true, 0, Opcode.BINARY.code(), key, payload);
            InboundHarness.server(frame).assertNoFailure().assertEvents(RfcExamplesParsingTest.binaryEvent(payload));
        }
    }

    @Test
    void zeroKeyIsStillAMaskedFrame() {
        // A zero key leaves the payload as is, but the mask bit is what counts.
        InboundHarness.server(Hex.bytes("81 83 00 00 00 00 61 62 63")).assertNoFailure().assertEvents("text:abc");
    }
}
