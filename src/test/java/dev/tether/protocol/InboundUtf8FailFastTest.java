package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketFailedException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Invalid UTF-8 in a text message fails the connection (1007) at the byte that makes it invalid. */
class InboundUtf8FailFastTest {

    @Test
    void badByteMidFragmentFailsAtThatByteBeforeTheMessageEnds() {
        byte[] first = TestFrames.fromClient(false, Opcode.TEXT, TestFrames.utf8("κόσμε "));
        byte[] badPayload = Hex.concat(TestFrames.utf8("abc"), Hex.bytes("ed a0 80"), TestFrames.utf8("more text after it"));
        byte[] second = TestFrames.fromClient(false, Opcode.CONTINUATION, badPayload);
        byte[] third = TestFrames.fromClient(true, Opcode.CONTINUATION, TestFrames.utf8("end"));
        InboundHarness.Outcome outcome = InboundHarness.server(Hex.concat(first, second, third))
                .assertFailure(CloseCodes.INVALID_PAYLOAD).assertEvents();
        int headerOfSecond = 2 + 4; // 7-bit length, masking key
        int badByte = first.length + headerOfSecond + 3 + 1; // ED is a fine lead byte; A0 after ED is the surrogate
        assertEquals(badByte, outcome.failedAtByte());
    }

    @Test
    void badByteInTheFirstFrameOfABigMessageFailsLongBeforeItsEnd() {
        byte[] payload = new byte[100_000];
        java.util.Arrays.fill(payload, (byte) 'a');
        payload[10] = (byte) 0xC0;
        byte[] frame = TestFrames.fromClient(false, Opcode.TEXT, payload);
        InboundHarness.Outcome outcome = InboundHarness.server(frame).assertFailure(CloseCodes.INVALID_PAYLOAD);
        assertEquals(14 + 10, outcome.failedAtByte()); // 64-bit length header with key: 14 bytes
    }

    @Test
    void sequenceSplitAcrossFramesAndReceiveCallsFailsAtItsBadContinuation() throws Exception {
        InboundProtocol protocol = new InboundProtocol(Role.SERVER, 1000, 1000, new InboundHarness.Recorder());
        protocol.receive(ByteBuffer.wrap(TestFrames.fromClient(false, Opcode.TEXT, Hex.bytes("41 f0 9f"))));
        byte[] next = TestFrames.fromClient(true, Opcode.CONTINUATION, Hex.bytes("98 41"));
        protocol.receive(ByteBuffer.wrap(next, 0, 7)); // header, key, 0x98: still a valid prefix
        WebSocketFailedException e = assertThrows(WebSocketFailedException.class,
                () -> protocol.receive(ByteBuffer.wrap(next, 7, 1))); // 'A' where a continuation byte must be
        assertEquals(CloseCodes.INVALID_PAYLOAD, e.closeCode());
    }

    @Test
    void incompleteSequenceAtTheEndOfTheFinalFragmentIs1007() {
        byte[] input = Hex.concat(
                TestFrames.fromClient(false, Opcode.TEXT, TestFrames.utf8("ok")),
                TestFrames.fromClient(true, Opcode.CONTINUATION, Hex.bytes("e2 82")),
                TestFrames.text("never"));
        InboundHarness.Outcome outcome = InboundHarness.server(input).assertFailure(CloseCodes.INVALID_PAYLOAD);
        int endOfSecond = TestFrames.fromClient(false, Opcode.TEXT, TestFrames.utf8("ok")).length + 6 + 2 - 1;
        assertEquals(endOfSecond, outcome.failedAtByte());
        assertTrue(outcome.failureMessage().contains("UTF-8"));
    }

    @Test
    void incompleteSequenceFollowedByAnEmptyFinalFragmentIs1007() {
        InboundHarness.server(Hex.concat(
                TestFrames.fromClient(false, Opcode.TEXT, Hex.bytes("f0 9f 98")),
                TestFrames.fromClient(true, Opcode.CONTINUATION, new byte[0])))
                .assertFailure(CloseCodes.INVALID_PAYLOAD);
    }

    @Test
    void autobahnStyleInvalidTextMessages() {
        String[] bad = {"c0 af", "e0 80 af", "f0 80 80 af", "ed a0 80", "ed bf bf", "f4 90 80 80", "fe", "ff", "80",
                "c2", "e1 80", "f0 90 80", "ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64"};
        for (String hex : bad) {
            InboundHarness.server(TestFrames.fromClient(true, Opcode.TEXT, Hex.bytes(hex))).assertFailure(CloseCodes.INVALID_PAYLOAD);
        }
    }

    @Test
    void binaryMessagesAreNotChecked() {
        InboundHarness.server(TestFrames.fromClient(true, Opcode.BINARY, Hex.bytes("c0 af ff")))
                .assertNoFailure().assertEvents("binary:c0 af ff");
    }

    @Test
    void validatorIsResetBetweenMessages() {
        InboundHarness.server(Hex.concat(
                TestFrames.fromClient(true, Opcode.TEXT, TestFrames.utf8("é")),
                TestFrames.fromClient(true, Opcode.BINARY, Hex.bytes("c3")),
                TestFrames.fromClient(true, Opcode.TEXT, TestFrames.utf8("ü"))))
                .assertNoFailure().assertEvents("text:é", "binary:c3", "text:ü");
    }
}
