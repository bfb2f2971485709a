package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.CloseCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opcodes 3-7 and B-F are reserved (Autobahn section 4). */
class FrameParserReservedOpcodesTest {

    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF})
    void reservedOpcodeIs1002OnItsFirstByte(int opcode) {
        byte[] good = TestFrames.text("ok");
        byte[] input = Hex.concat(good, TestFrames.frame(true, 0, opcode, TestFrames.KEY, new byte[] {1, 2}), TestFrames.text("never"));
        InboundHarness.Outcome outcome = InboundHarness.server(input).assertFailure(CloseCodes.PROTOCOL_ERROR);
        outcome.assertEvents("text:ok");
        assertEquals(good.length, outcome.failedAtByte());
    }

    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {3, 0xB})
    void reservedOpcodeWithoutFinOrInsideAFragmentedMessage(int opcode) {
        InboundHarness.client(TestFrames.frame(false, 0, opcode, null, new byte[0])).assertFailure(CloseCodes.PROTOCOL_ERROR);
        byte[] input = Hex.concat(TestFrames.fromServer(false, Opcode.TEXT, TestFrames.utf8("a")),
                TestFrames.frame(true, 0, opcode, null, new byte[0]));
        InboundHarness.client(input).assertFailure(CloseCodes.PROTOCOL_ERROR);
    }
}
