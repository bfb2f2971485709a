package dev.tether.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StatusHandlerTest {

    @Test
    void pushesStatusRepeatedlyIgnoringIncomingMessagesAndStopsWhenTheClientCloses() throws Exception {
        FakeWebSocket client = FakeWebSocket.open();
        CompletableFuture<Void> handler = client.runHandler(new StatusHandler(Duration.ofMillis(20)));

        JsonObject first = StatusJsonTest.parse(nextOrFail(client));
        client.receive(Message.text("ignored"));
        client.receive(Message.binary(new byte[] {1, 2, 3}));
        JsonObject second = StatusJsonTest.parse(nextOrFail(client));
        JsonObject third = StatusJsonTest.parse(nextOrFail(client));
        assertTrue(first.getJsonNumber("timestamp").longValue() <= third.getJsonNumber("timestamp").longValue());
        assertEquals(13, second.size());

        client.peerCloses();
        handler.get(10, TimeUnit.SECONDS);
        assertFalse(client.isConnected());
    }

    private static String nextOrFail(FakeWebSocket client) throws InterruptedException {
        String next = client.nextSent();
        assertNotNull(next, "a status push arrives");
        return next;
    }
}
