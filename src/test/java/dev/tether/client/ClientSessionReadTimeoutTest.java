package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.WebSocket;
import dev.tether.WebSocketConfig;
import dev.tether.WebSocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** readMessage waits the configured read timeout, then throws; the connection stays usable. */
class ClientSessionReadTimeoutTest {

    @Test
    void readMessageTimesOutAndTheConnectionCarriesOn() throws Exception {
        try (ScriptedServer server = ScriptedWebSocketServer.start((socket, in, out) -> {
            TestFrames.ClientFrame f = TestFrames.readClientFrame(in); // "now" after the timeout
            ScriptedWebSocketServer.send(out, TestFrames.text("late " + f.text()));
            TestFrames.ClientFrame close = ScriptedWebSocketServer.awaitClose(in);
            ScriptedWebSocketServer.send(out, TestFrames.close(close.closeCode(), ""));
        })) {
            WebSocketClient client = WebSocketClient.builder()
                    .config(WebSocketConfig.defaults().toBuilder().readTimeout(Duration.ofMillis(200)).build())
                    .build();
            try (WebSocket ws = client.connect(server.url("/"))) {
                assertThrows(WebSocketTimeoutException.class, ws::readMessage);
                assertThrows(WebSocketTimeoutException.class, () -> ws.readMessage(Duration.ofMillis(100)));
                ws.sendMessage("now");
                assertEquals("late now", ws.readMessage(Duration.ofSeconds(20)).text());
            }
            server.awaitScript();
        }
    }
}
