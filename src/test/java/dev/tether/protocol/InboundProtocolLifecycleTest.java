package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.CloseCodes;
import dev.tether.WebSocketFailedException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What happens after a failure, and when the listener itself fails. */
class InboundProtocolLifecycleTest {

    @Test
    void deadAfterAViolation() {
        InboundHarness.Recorder recorder = new InboundHarness.Recorder();
        InboundProtocol protocol = new InboundProtocol(Role.SERVER, 1000, 1000, recorder);
        WebSocketFailedException first = assertThrows(WebSocketFailedException.class,
                () -> protocol.receive(ByteBuffer.wrap(Hex.bytes("c1 80"))));
        assertEquals(CloseCodes.PROTOCOL_ERROR, first.closeCode());
        ByteBuffer valid = ByteBuffer.wrap(TestFrames.text("hello"));
        WebSocketFailedException again = assertThrows(WebSocketFailedException.class, () -> protocol.receive(valid));
        assertEquals(CloseCodes.PROTOCOL_ERROR, again.closeCode());
        assertEquals(first.getMessage(), again.getMessage());
        assertEquals(0, valid.remaining());
        assertEquals(List.of(), recorder.events);
    }

    @Test
    void listenerFailureBreaksTheStream() {
        InboundProtocol protocol = new InboundProtocol(Role.SERVER, 1000, 1000, new InboundHarness.Recorder() {
            @Override
            public void onText(String text) {
                throw new IllegalStateException("handler bug");
            }
        });
        assertThrows(IllegalStateException.class, () -> protocol.receive(ByteBuffer.wrap(TestFrames.text("x"))));
        WebSocketFailedException after = assertThrows(WebSocketFailedException.class,
                () -> protocol.receive(ByteBuffer.wrap(TestFrames.text("y"))));
        assertEquals(CloseCodes.INTERNAL_ERROR, after.closeCode());
    }

    @Test
    void emptyReceiveDoesNothing() throws WebSocketFailedException {
        InboundHarness.Recorder recorder = new InboundHarness.Recorder();
        InboundProtocol protocol = new InboundProtocol(Role.CLIENT, 1000, 1000, recorder);
        protocol.receive(ByteBuffer.allocate(0));
        protocol.receive(ByteBuffer.allocateDirect(0));
        assertEquals(List.of(), recorder.events);
    }

    @Test
    void messageOpenStateIsReported() throws WebSocketFailedException {
        InboundProtocol protocol = new InboundProtocol(Role.CLIENT, 1000, 1000, new InboundHarness.Recorder());
        protocol.receive(ByteBuffer.wrap(TestFrames.fromServer(false, Opcode.TEXT, TestFrames.utf8("a"))));
        assertEquals(true, protocol.isMessageOpen());
        protocol.receive(ByteBuffer.wrap(TestFrames.fromServer(true, Opcode.CONTINUATION, TestFrames.utf8("b"))));
        assertEquals(false, protocol.isMessageOpen());
    }

    @Test
    void readOnlyBuffersAreReadWithoutBeingModified() throws WebSocketFailedException {
        InboundHarness.Recorder recorder = new InboundHarness.Recorder();
        InboundProtocol protocol = new InboundProtocol(Role.SERVER, 1000, 1000, recorder);
        byte[] frame = TestFrames.text("Hello");
        byte[] original = frame.clone();
        protocol.receive(ByteBuffer.wrap(frame).asReadOnlyBuffer());
        assertEquals(List.of("text:Hello"), recorder.events);
        assertEquals(Hex.of(original), Hex.of(frame));
    }
}
