package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.CloseCodes;
import org.junit.jupiter.api.Test;

/** Message assembly from fragments (RFC 6455 §5.4, Autobahn section 5). */
class InboundFragmentationRulesTest {

    private static byte[] f(boolean fin, Opcode op, String text) {
        return TestFrames.fromClient(fin, op, TestFrames.utf8(text));
    }

    @Test
    void continuationWithoutAMessageIs1002AtItsHeader() {
        InboundHarness.Outcome outcome = InboundHarness.server(f(true, Opcode.CONTINUATION, "x"))
                .assertFailure(CloseCodes.PROTOCOL_ERROR);
        assertEquals(1, outcome.failedAtByte(), "once the length is known, before the masking key");
        InboundHarness.server(f(false, Opcode.CONTINUATION, "x")).assertFailure(CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void continuationAfterACompleteMessageIs1002() {
        InboundHarness.server(Hex.concat(f(true, Opcode.TEXT, "done"), f(true, Opcode.CONTINUATION, "more")))
                .assertFailure(CloseCodes.PROTOCOL_ERROR).assertEvents("text:done");
    }

    @Test
    void newDataFrameWhileAMessageIsOpenIs1002() {
        InboundHarness.server(Hex.concat(f(false, Opcode.TEXT, "a"), f(true, Opcode.TEXT, "b")))
                .assertFailure(CloseCodes.PROTOCOL_ERROR).assertEvents();
        InboundHarness.server(Hex.concat(f(false, Opcode.BINARY, "a"), f(false, Opcode.TEXT, "b")))
                .assertFailure(CloseCodes.PROTOCOL_ERROR);
        InboundHarness.server(Hex.concat(f(false, Opcode.TEXT, "a"), f(true, Opcode.PING, ""), f(true, Opcode.BINARY, "b")))
                .assertFailure(CloseCodes.PROTOCOL_ERROR).assertEvents("ping:");
    }

    @Test
    void manyFragmentsIncludingEmptyOnes() {
        InboundHarness.server(Hex.concat(
                f(false, Opcode.TEXT, ""), f(false, Opcode.CONTINUATION, "a"), f(false, Opcode.CONTINUATION, ""),
                f(false, Opcode.CONTINUATION, "bc"), f(true, Opcode.CONTINUATION, ""),
                f(true, Opcode.TEXT, ""), f(true, Opcode.BINARY, ""),
                f(false, Opcode.BINARY, "x"), f(true, Opcode.CONTINUATION, "y")))
                .assertNoFailure().assertEvents("text:abc", "text:", "binary:", "binary:78 79");
    }

    @Test
    void multiByteCharactersMaySpanFragments() {
        byte[] text = TestFrames.utf8("€𝄞é");
        byte[] input = Hex.concat(
                TestFrames.fromClient(false, Opcode.TEXT, java.util.Arrays.copyOfRange(text, 0, 1)),
                TestFrames.fromClient(false, Opcode.CONTINUATION, java.util.Arrays.copyOfRange(text, 1, 5)),
                TestFrames.fromClient(false, Opcode.CONTINUATION, new byte[0]),
                TestFrames.fromClient(true, Opcode.CONTINUATION, java.util.Arrays.copyOfRange(text, 5, text.length)));
        InboundHarness.server(input).assertNoFailure().assertEvents("text:€𝄞é");
    }

    @Test
    void largeFragmentedBinaryMessageIsAssembledInOrder() {
        byte[] all = RfcExamplesParsingTest.pattern(200_000);
        java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream();
        int pos = 0;
        int[] sizes = {1, 125, 126, 65535, 65536, 0, 40_000};
        for (int i = 0; i < sizes.length; i++) {
            frames.writeBytes(TestFrames.fromClient(false, i == 0 ? Opcode.BINARY : Opcode.CONTINUATION,
                    java.util.Arrays.copyOfRange(all, pos, pos + sizes[i])));
            pos += sizes[i];
        }
        frames.writeBytes(TestFrames.fromClient(true, Opcode.CONTINUATION, java.util.Arrays.copyOfRange(all, pos, all.length)));
        InboundHarness.server(frames.toByteArray()).assertNoFailure().assertEvents(RfcExamplesParsingTest.binaryEvent(all));
    }
}
