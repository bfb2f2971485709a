package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.CloseCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No extension is ever negotiated, so any RSV bit fails the connection (Autobahn section 3). */
class FrameParserReservedBitsTest {

    @ParameterizedTest(name = "rsv {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void anyReservedBitOnATextFrameIs1002(int rsv) {
        byte[] input = Hex.concat(TestFrames.text("before"),
                TestFrames.frame(true, rsv, Opcode.TEXT.code(), TestFrames.KEY, TestFrames.utf8("bad")),
                TestFrames.text("after"));
        InboundHarness.Outcome outcome = InboundHarness.server(input).assertFailure(CloseCodes.PROTOCOL_ERROR);
        outcome.assertEvents("text:before");
        int badHeader = TestFrames.text("before").length;
        assertEquals(badHeader, outcome.failedAtByte(), "fails on the first byte of the bad frame");
    }

    @ParameterizedTest(name = "rsv {0}")
    @ValueSource(ints = {1, 2, 4, 7})
    void reservedBitsOnControlAndContinuationFramesToo(int rsv) {
        InboundHarness.server(TestFrames.frame(true, rsv, Opcode.PING.code(), TestFrames.KEY, new byte[0]))
                .assertFailure(CloseCodes.PROTOCOL_ERROR);
        InboundHarness.server(TestFrames.frame(true, rsv, Opcode.CLOSE.code(), TestFrames.KEY, new byte[0]))
                .assertFailure(CloseCodes.PROTOCOL_ERROR);
        byte[] fragmented = Hex.concat(TestFrames.fromClient(false, Opcode.BINARY, new byte[] {1}),
                TestFrames.frame(true, rsv, Opcode.CONTINUATION.code(), TestFrames.KEY, new byte[] {2}));
        InboundHarness.server(fragmented).assertFailure(CloseCodes.PROTOCOL_ERROR).assertEvents();
    }

    @ParameterizedTest(name = "rsv {0}")
    @ValueSource(ints = {1, 4})
    void clientSideToo(int rsv) {
        InboundHarness.client(TestFrames.frame(true, rsv, Opcode.BINARY.code(), null, new byte[3]))
                .assertFailure(CloseCodes.PROTOCOL_ERROR);
    }
}
