package dev.tether.conformance.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The suite's strict reader: it must reject what RFC 6455 forbids a sender, or verdicts would be too lenient. */
class FrameReaderTest {

    private static ReceivedFrame fromServer(String hex) throws IOException {
        return new FrameReader(new ByteArrayInputStream(Hex.parse(hex)), false, 1 << 20).read();
    }

    private static void rejected(String hex) {
        assertThrows(PeerViolation.class, () -> fromServer(hex), hex);
    }

    @Test
    void readsAndUnmasks() throws IOException {
        assertEquals("Hello", new String(fromServer("81 05 48 65 6c 6c 6f").payload()));
        ReceivedFrame masked = new FrameReader(new ByteArrayInputStream(Hex.parse("81 85 37 fa 21 3d 7f 9f 4d 51 58")), true, 100).read();
        assertEquals("Hello", new String(masked.payload()));
        assertEquals(1001, fromServer("88 02 03 e9").closeCode());
        assertEquals(1005, fromServer("88 00").closeCode());
    }

    @Test
    void rejectsWhatASenderMustNotSend() {
        rejected("c1 00");                     // RSV1
        rejected("83 00");                     // reserved opcode
        rejected("81 80 00 00 00 00");         // a masked frame from a server
        rejected("09 00");                     // fragmented ping
        rejected("81 7e 00 05 48 65 6c 6c 6f"); // 16-bit length where 7 bits fit
        rejected("88 01 03");                  // close with one byte
        rejected("88 02 03 ed");               // close code 1005 on the wire
        rejected("88 04 03 e8 ed a0");         // close reason that is not UTF-8
    }

    @Test
    void endOfStreamInsideAFrameIsReported() {
        assertThrows(EOFException.class, () -> fromServer("81 05 48 65"));
        assertThrows(PeerViolation.class, () -> new FrameReader(new ByteArrayInputStream(Hex.parse("81 05 48 65 6c 6c 6f")), true, 100).read(),
                "an unmasked frame from a client");
    }
}
