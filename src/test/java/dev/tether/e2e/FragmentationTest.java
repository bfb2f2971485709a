package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.JdkClient;
import dev.tether.testing.RawWebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Messages in several frames: sent by the client (JDK and raw), and sent by a handler with sendTextFrames / sendByteFrames. */
class FragmentationTest extends EndToEndTest {

    @Override
    void register(EndpointRegistry registry) {
        registry.register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage)));
        // "text N" / "binary N": answers with one message of N frames.
        registry.register(Endpoint.of("/frames", ws -> ws.runWith(request -> {
            String[] words = request.text().split(" ");
            int n = Integer.parseInt(words[1]);
            if (words[0].equals("text")) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) parts.add("part" + i + "€;");
                ws.sendTextFrames(parts);
            } else {
                List<byte[]> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) parts.add(new byte[] {(byte) i, (byte) (i + 1)});
                ws.sendByteFrames(parts);
            }
        })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void fragmentedTextFromTheClientArrivesAsOneMessage(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/echo")) {
            client.webSocket().sendText("Hel", false).get(10, TimeUnit.SECONDS);
            client.webSocket().sendText("lo, ", false).get(10, TimeUnit.SECONDS);
            client.webSocket().sendText("wörld", true).get(10, TimeUnit.SECONDS);
            assertEquals("Hello, wörld", client.nextText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void fragmentedBinaryFromTheClientArrivesAsOneMessage(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/echo")) {
            byte[] whole = new byte[300_000];
            for (int i = 0; i < whole.length; i++) whole[i] = (byte) (i * 7);
            for (int off = 0; off < whole.length; off += 100_000) {
                boolean last = off + 100_000 >= whole.length;
                client.webSocket().sendBinary(ByteBuffer.wrap(whole, off, 100_000), last).get(10, TimeUnit.SECONDS);
            }
            assertArrayEquals(whole, client.nextBinary());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aPingBetweenFragmentsIsAnsweredAndTheMessageSurvives(EmbeddedContainer container) throws Exception {
        try (RawWebSocket client = RawWebSocket.open(container, "/echo")) {
            client.send(false, 0x1, "frag".getBytes(StandardCharsets.UTF_8));
            client.send(true, 0x9, "are you there".getBytes(StandardCharsets.UTF_8));
            client.send(true, 0x0, "ment".getBytes(StandardCharsets.UTF_8));
            RawWebSocket.Frame pong = client.read();
            assertEquals(0xA, pong.opcode());
            assertEquals("are you there", pong.text());
            RawWebSocket.Frame echo = client.read();
            assertEquals(0x1, echo.opcode());
            assertTrue(echo.fin());
            assertEquals("fragment", echo.text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void sendTextFramesPutsEachFragmentInItsOwnFrame(EmbeddedContainer container) throws Exception {
        try (RawWebSocket client = RawWebSocket.open(container, "/frames")) {
            client.sendText("text 3");
            for (int i = 0; i < 3; i++) {
                RawWebSocket.Frame frame = client.read();
                assertEquals(i == 0 ? 0x1 : 0x0, frame.opcode(), "opcode of frame " + i);
                assertEquals(i == 2, frame.fin(), "fin of frame " + i);
                assertEquals("part" + i + "€;", frame.text());
            }
        }
        try (JdkClient client = JdkClient.connect(container, "/frames")) {
            client.sendText("text 5");
            assertEquals("part0€;part1€;part2€;part3€;part4€;", client.nextText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void sendByteFramesPutsEachFragmentInItsOwnFrame(EmbeddedContainer container) throws Exception {
        try (RawWebSocket client = RawWebSocket.open(container, "/frames")) {
            client.sendText("binary 4");
            for (int i = 0; i < 4; i++) {
                RawWebSocket.Frame frame = client.read();
                assertEquals(i == 0 ? 0x2 : 0x0, frame.opcode(), "opcode of frame " + i);
                assertEquals(i == 3, frame.fin());
                assertArrayEquals(new byte[] {(byte) i, (byte) (i + 1)}, frame.payload());
            }
        }
        try (JdkClient client = JdkClient.connect(container, "/frames")) {
            client.sendText("binary 3");
            assertArrayEquals(new byte[] {0, 1, 1, 2, 2, 3}, client.nextBinary());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void noFramesMeansOneEmptyMessage(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/frames")) {
            client.sendText("text 0");
            assertEquals("", client.nextText());
            assertFalse(client.isClosed());
        }
    }
}
