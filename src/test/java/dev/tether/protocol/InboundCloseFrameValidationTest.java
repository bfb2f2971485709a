package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketFailedException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The close frame's payload (RFC 6455 §5.5.1, §7.4; Autobahn section 7). */
class InboundCloseFrameValidationTest {

    private static byte[] close(int code, String reason) {
        return TestFrames.fromClient(true, Opcode.CLOSE, TestFrames.closePayload(code, TestFrames.utf8(reason)));
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void codesValidOnTheWireAreDelivered(int code) {
        InboundHarness.server(close(code, "why")).assertNoFailure().assertEvents("close:" + code + ":why");
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {0, 1, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void codesNotAllowedOnTheWireAre1002(int code) {
        InboundHarness.server(close(code, "")).assertFailure(CloseCodes.PROTOCOL_ERROR).assertEvents();
    }

    @Test
    void emptyCloseIs1005WithEmptyReason() {
        InboundHarness.server(TestFrames.fromClient(true, Opcode.CLOSE, new byte[0])).assertNoFailure().assertEvents("close:1005:");
        InboundHarness.client(Hex.bytes("88 00")).assertNoFailure().assertEvents("close:1005:");
    }

    @Test
    void oneBytePayloadIs1002() {
        InboundHarness.server(TestFrames.fromClient(true, Opcode.CLOSE, new byte[] {3})).assertFailure(CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void reasonMustBeValidUtf8() {
        byte[] payload = TestFrames.closePayload(1000, Hex.bytes("ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64"));
        InboundHarness.server(TestFrames.fromClient(true, Opcode.CLOSE, payload)).assertFailure(CloseCodes.INVALID_PAYLOAD);
        InboundHarness.server(TestFrames.fromClient(true, Opcode.CLOSE, TestFrames.closePayload(1000, Hex.bytes("e2 82"))))
                .assertFailure(CloseCodes.INVALID_PAYLOAD);
    }

    @Test
    void longestReasonIsDelivered() {
        String reason = "€".repeat(41); // 123 bytes
        InboundHarness.server(close(1000, reason)).assertNoFailure().assertEvents("close:1000:" + reason);
    }

    @Test
    void bytesAfterTheCloseFrameAreIgnoredEvenGarbage() {
        byte[] input = Hex.concat(TestFrames.text("a"), close(1001, "away"), Hex.bytes("ff ff ff ff"), TestFrames.text("b"));
        InboundHarness.server(input).assertNoFailure().assertEvents("text:a", "close:1001:away");
    }

    @Test
    void laterCallsAreIgnoredAfterClose() throws WebSocketFailedException {
        InboundHarness.Recorder recorder = new InboundHarness.Recorder();
        InboundProtocol protocol = new InboundProtocol(Role.SERVER, 1000, 1000, recorder);
        assertFalse(protocol.isCloseReceived());
        protocol.receive(ByteBuffer.wrap(close(1000, "")));
        assertTrue(protocol.isCloseReceived());
        ByteBuffer garbage = ByteBuffer.wrap(Hex.bytes("ff 00 ff"));
        protocol.receive(garbage);
        assertEquals(0, garbage.remaining(), "consumed");
        protocol.receive(ByteBuffer.wrap(TestFrames.text("late")));
        assertEquals(java.util.List.of("close:1000:"), recorder.events);
    }
}
