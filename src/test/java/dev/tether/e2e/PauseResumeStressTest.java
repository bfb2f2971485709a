package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tether.WebSocketConfig;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Options;
import dev.tether.testing.JdkClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading pauses whenever the handler falls behind and resumes on the handler's thread. Under TLS that
 * thread must never read while the container reads the same socket for itself (Tomcat does, before each
 * callback): with a tiny inbound buffer, thousands of pause/resume cycles while data streams both ways
 * corrupt the TLS stream unless the transport reads under the container's own lock.
 */
class PauseResumeStressTest extends EndToEndTest {

    private static final int MESSAGES = 4000;

    @Override
    Options options() {
        return Options.TLS;
    }

    @Override
    void register(EndpointRegistry registry) {
        WebSocketConfig tinyInbox = WebSocketConfig.builder().maxInboundBufferBytes(2048).build();
        registry.register(new Endpoint("/echo", ws -> ws.runWith(ws::sendMessage), tinyInbox, List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void thousandsOfPausesWhileStreamingBothWaysLoseNothing(EmbeddedContainer container) throws Exception {
        String filler = "x".repeat(1000);
        try (JdkClient client = JdkClient.connect(container, "/echo")) {
            AtomicReference<Throwable> sendFailure = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < MESSAGES; i++) client.sendText(i + ":" + filler);
                } catch (Throwable e) {
                    sendFailure.set(e);
                }
            });
            sender.start();
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals(i + ":" + filler, client.nextText(), "echo " + i);
            }
            sender.join(60_000);
            assertNull(sendFailure.get());
            client.sendClose(1000, "");
            assertEquals(1000, client.awaitClose().code());
        }
    }
}
