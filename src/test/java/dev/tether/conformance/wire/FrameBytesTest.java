package dev.tether.conformance.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The suite's own frame builder against the examples of RFC 6455 §5.7, so its frames can be trusted. */
class FrameBytesTest {

    @Test
    void unmaskedTextFromAServer() {
        assertEquals("81 05 48 65 6c 6c 6f", Hex.of(FrameBytes.encode(TestFrame.text("Hello"), false)));
    }

    @Test
    void maskedTextFromAClient() {
        TestFrame hello = TestFrame.text("Hello").withMaskKey(0x37fa213d);
        assertEquals("81 85 37 fa 21 3d 7f 9f 4d 51 58", Hex.of(FrameBytes.encode(hello, true)));
    }

    @Test
    void fragmentedText() {
        assertEquals("01 03 48 65 6c", Hex.of(FrameBytes.encode(TestFrame.text("Hel").fragment(), false)));
        assertEquals("80 02 6c 6f", Hex.of(FrameBytes.encode(TestFrame.continuation("lo"), false)));
    }

    @Test
    void lengthForms() {
        byte[] b256 = FrameBytes.encode(TestFrame.binary(new byte[256]), false);
        assertEquals("82 7e 01 00", Hex.of(b256, 0, 4));
        byte[] b64k = FrameBytes.encode(TestFrame.binary(new byte[65536]), false);
        assertEquals("82 7f 00 00 00 00 00 01 00 00", Hex.of(b64k, 0, 10));
        assertEquals("81 7e 00 01 41", Hex.of(FrameBytes.encode(TestFrame.text("A").withLengthForm(TestFrame.LengthForm.FORCE_16), false)));
    }

    @Test
    void claimsAndBitsAreWrittenAsAsked() {
        TestFrame claim = TestFrame.binary(new byte[0]).claimingLength(0x8000_0000_0000_0001L).withRsv(5).fragment();
        assertEquals("52 7f 80 00 00 00 00 00 00 01", Hex.of(FrameBytes.encode(claim, false)));
        assertEquals("89 80 00 00 00 00", Hex.of(FrameBytes.encode(TestFrame.ping("").withMaskKey(0), true)));
        assertEquals("8a 00", Hex.of(FrameBytes.encode(TestFrame.pong("").withWrongMasking().withMaskKey(0), true)));
    }
}
