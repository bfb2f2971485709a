package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.WebSocketFailedException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A long mixed stream gives the same events however it is cut (the harness also tries direct buffers). */
class InboundSplitConsistencyTest {

    private static byte[] mixedStream(boolean fromClient, List<String> expected) {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] samples = {"", "a", "Hello", "κόσμε", "€𝄞", "x".repeat(125), "y".repeat(126), "z".repeat(70_000)};
        for (int m = 0; m < 40; m++) {
            boolean text = random.nextBoolean();
            String s = samples[random.nextInt(samples.length)];
            byte[] payload = text ? TestFrames.utf8(s) : RfcExamplesParsingTest.pattern(s.length());
            InboundHarness.Recorder format = new InboundHarness.Recorder();
            if (text) format.onText(s);
            else format.onBinary(payload);
            String messageEvent = format.events.get(0);
            int fragments = 1 + random.nextInt(4);
            int pos = 0;
            for (int f = 0; f < fragments; f++) {
                boolean last = f == fragments - 1;
                int end = last ? payload.length : pos + random.nextInt(payload.length - pos + 1);
                Opcode op = f == 0 ? (text ? Opcode.TEXT : Opcode.BINARY) : Opcode.CONTINUATION;
                byte[] part = java.util.Arrays.copyOfRange(payload, pos, end);
                out.writeBytes(fromClient ? TestFrames.fromClient(last, op, part) : TestFrames.fromServer(last, op, part));
                pos = end;
                if (last) expected.add(messageEvent);
                if (random.nextInt(3) == 0) {
                    byte[] ping = RfcExamplesParsingTest.pattern(random.nextInt(126));
                    out.writeBytes(fromClient ? TestFrames.fromClient(true, Opcode.PING, ping) : TestFrames.fromServer(true, Opcode.PING, ping));
                    expected.add("ping:" + Hex.of(ping));
                }
            }
        }
        byte[] close = TestFrames.closePayload(1000, TestFrames.utf8("done"));
        out.writeBytes(fromClient ? TestFrames.fromClient(true, Opcode.CLOSE, close) : TestFrames.fromServer(true, Opcode.CLOSE, close));
        expected.add("close:1000:done");
        return out.toByteArray();
    }

    @Test
    void serverSideStream() {
        List<String> expected = new ArrayList<>();
        byte[] input = mixedStream(true, expected);
        assertEquals(expected, InboundHarness.server(input).assertNoFailure().events());
    }

    @Test
    void clientSideStream() {
        List<String> expected = new ArrayList<>();
        byte[] input = mixedStream(false, expected);
        assertEquals(expected, InboundHarness.client(input).assertNoFailure().events());
    }

    @Test
    void frameParserDeliversTheSamePayloadForEverySplit() throws WebSocketFailedException {
        byte[] input = mixedStream(true, new ArrayList<>());
        List<String> whole = frames(input, new int[] {input.length});
        for (long seed = 0; seed < 5; seed++) {
            assertEquals(whole, frames(input, InboundHarness.randomSplits(input.length, new Random(seed))), "seed " + seed);
        }
    }

    /** Each frame as "fin opcode length hash-of-payload", the payload joined from its chunks. */
    private static List<String> frames(byte[] original, int[] splits) throws WebSocketFailedException {
        byte[] input = original.clone();
        List<String> frames = new ArrayList<>();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        String[] header = new String[1];
        FrameParser parser = new FrameParser(Role.SERVER, Long.MAX_VALUE, new FrameParser.Listener() {
            @Override
            public void onFrameStart(boolean fin, Opcode opcode, long length) {
                header[0] = fin + " " + opcode + " " + length;
                payload.reset();
            }

            @Override
            public void onPayload(byte[] b, int off, int len) {
                payload.write(b, off, len);
            }

            @Override
            public void onFrameEnd() {
                frames.add(header[0] + " " + java.util.Arrays.hashCode(payload.toByteArray()));
            }
        });
        int pos = 0;
        for (int size : splits) {
            parser.feed(input, pos, size);
            pos += size;
        }
        return frames;
    }
}
