package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.JdkClient;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text and binary messages of every length class (7-bit, 16-bit, 64-bit) echoed by a handler, seen by the JDK client. */
class EchoTest extends EndToEndTest {

    private static final int[] SIZES = {0, 1, 125, 126, 65535, 65536, 1 << 20, 16 << 20};

    @Override
    void register(EndpointRegistry registry) {
        registry.register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage)));
    }

    Stream<Arguments> containersAndSizes() {
        return containers().flatMap(c -> java.util.Arrays.stream(SIZES).mapToObj(size -> Arguments.of(c, size)));
    }

    @ParameterizedTest(name = "{0} {1} bytes")
    @MethodSource("containersAndSizes")
    void echoesText(EmbeddedContainer container, int size) throws Exception {
        String text = text(size);
        try (JdkClient client = JdkClient.connect(container, "/echo")) {
            client.sendText(text);
            String echoed = client.nextText();
            assertEquals(text.length(), echoed.length());
            assertEquals(text, echoed);
        }
    }

    @ParameterizedTest(name = "{0} {1} bytes")
    @MethodSource("containersAndSizes")
    void echoesBinary(EmbeddedContainer container, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        try (JdkClient client = JdkClient.connect(container, "/echo")) {
            client.sendBinary(bytes);
            assertArrayEquals(bytes, client.nextBinary());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void echoesManyMessagesInOrder(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/echo")) {
            for (int i = 0; i < 500; i++) client.sendText("message " + i + " ünïcödé ✓");
            for (int i = 0; i < 500; i++) assertEquals("message " + i + " ünïcödé ✓", client.nextText());
        }
    }

    /** ASCII with some multi-byte characters where the size allows, exactly {@code size} UTF-8 bytes. */
    static String text(int size) {
        StringBuilder s = new StringBuilder(size);
        Random random = new Random(size);
        while (s.length() < size) {
            if (size - s.length() >= 3 && random.nextInt(50) == 0) {
                s.append('€'); // 3 bytes in UTF-8
                size -= 2;
            } else {
                s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }
}
