package dev.tether.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ChatHandlerTest {

    private final ChatRoom room = new ChatRoom();

    @Test
    void textFromOneClientReachesEveryoneUnderTheNameFromTheUrl() throws Exception {
        FakeWebSocket alice = FakeWebSocket.withQuery("name=alice");
        FakeWebSocket bob = FakeWebSocket.withQuery("name=bob");
        CompletableFuture<Void> aliceHandler = run(alice);
        assertEquals("join alice (1)", summaryOfNext(alice));
        CompletableFuture<Void> bobHandler = run(bob);
        assertEquals("join bob (2)", summaryOfNext(bob));
        assertEquals("join bob (2)", summaryOfNext(alice));

        alice.receive(Message.text("hi <b>bob</b>"));
        assertEquals("message alice hi <b>bob</b>", summaryOfNext(alice));
        assertEquals("message alice hi <b>bob</b>", summaryOfNext(bob));

        bob.peerCloses();
        bobHandler.get(10, TimeUnit.SECONDS);
        assertEquals("leave bob (1)", summaryOfNext(alice));
        alice.peerCloses();
        aliceHandler.get(10, TimeUnit.SECONDS);
        assertEquals(0, room.online());
    }

    @Test
    void aBinaryMessageClosesTheConnectionWith1003() throws Exception {
        FakeWebSocket client = FakeWebSocket.open();
        CompletableFuture<Void> handler = run(client);
        client.receive(Message.binary(new byte[] {1}));
        handler.get(10, TimeUnit.SECONDS);
        assertEquals(1003, client.closeStatus().code());
        assertEquals(0, room.online());
    }

    @Test
    void anOverlongLineClosesTheConnectionWith1009AndIsNotDistributed() throws Exception {
        FakeWebSocket listener = FakeWebSocket.open();
        room.join(listener, "listener");
        FakeWebSocket client = FakeWebSocket.withQuery("name=talker");
        CompletableFuture<Void> handler = run(client);
        client.receive(Message.text("x".repeat(ChatHandler.MAX_TEXT_LENGTH + 1)));
        handler.get(10, TimeUnit.SECONDS);
        assertEquals(1009, client.closeStatus().code());
        assertTrue(client.closeStatus().reason().contains("4096"));
        assertEquals("join listener (1)", summaryOfNext(listener));
        assertEquals("join talker (2)", summaryOfNext(listener));
        assertEquals("leave talker (1)", summaryOfNext(listener), "no message event in between");
    }

    private CompletableFuture<Void> run(FakeWebSocket client) {
        return client.runHandler(new ChatHandler(room));
    }

    private static String summaryOfNext(FakeWebSocket client) throws InterruptedException {
        String next = client.nextSent();
        assertNotNull(next, "a message arrives");
        return ChatJson.summary(next);
    }
}
