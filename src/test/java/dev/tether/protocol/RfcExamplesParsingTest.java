package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every example of RFC 6455 §5.7, parsed in every split. */
class RfcExamplesParsingTest {

    private static final String HELLO = "48 65 6c 6c 6f";

    @Test
    void singleFrameUnmaskedText() {
        InboundHarness.client(Hex.bytes("81 05 " + HELLO)).assertNoFailure().assertEvents("text:Hello");
    }

    @Test
    void singleFrameMaskedText() {
        InboundHarness.server(Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58")).assertNoFailure().assertEvents("text:Hello");
    }

    @Test
    void fragmentedUnmaskedText() {
        InboundHarness.client(Hex.bytes("01 03 48 65 6c 80 02 6c 6f")).assertNoFailure().assertEvents("text:Hello");
    }

    @Test
    void unmaskedPing() {
        InboundHarness.client(Hex.bytes("89 05 " + HELLO)).assertNoFailure().assertEvents("ping:" + HELLO);
    }

    @Test
    void maskedPong() {
        InboundHarness.server(Hex.bytes("8a 85 37 fa 21 3d 7f 9f 4d 51 58")).assertNoFailure().assertEvents("pong:" + HELLO);
    }

    @Test
    void binary256BytesWith16BitLength() {
        byte[] payload = pattern(256);
        byte[] frame = Hex.concat(Hex.bytes("82 7E 01 00"), payload);
        assertArrayEquals(TestFrames.fromServer(true, Opcode.BINARY, payload), frame);
        InboundHarness.client(frame).assertNoFailure().assertEvents(binaryEvent(payload));
    }

    @Test
    void binary64KiBWith64BitLength() {
        byte[] payload = pattern(65536);
        byte[] frame = Hex.concat(Hex.bytes("82 7F 00 00 00 00 00 01 00 00"), payload);
        assertArrayEquals(TestFrames.fromServer(true, Opcode.BINARY, payload), frame);
        InboundHarness.client(frame).assertNoFailure().assertEvents(binaryEvent(payload));
    }

    @Test
    void frameParserReportsTheFramesOfTheFragmentedExample() throws Exception {
        List<String> events = new ArrayList<>();
        FrameParser parser = new FrameParser(Role.CLIENT, 1000, new FrameParser.Listener() {
            @Override
            public void onFrameStart(boolean fin, Opcode opcode, long length) {
                events.add("start " + fin + " " + opcode + " " + length);
            }

            @Override
            public void onPayload(byte[] b, int off, int len) {
                events.add("payload " + Hex.of(b, off, len));
            }

            @Override
            public void onFrameEnd() {
                events.add("end");
            }
        });
        byte[] input = Hex.bytes("01 03 48 65 6c 80 02 6c 6f 8a 00");
        for (int i = 0; i < input.length; i++) parser.feed(input, i, 1);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(
                "start false TEXT 3", "payload 48", "payload 65", "payload 6c", "end",
                "start true CONTINUATION 2", "payload 6c", "payload 6f", "end",
                "start true PONG 0", "end"), events);
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + 7);
        return b;
    }

    static String binaryEvent(byte[] payload) {
        InboundHarness.Recorder r = new InboundHarness.Recorder();
        r.onBinary(payload);
        return r.events.get(0);
    }
}
