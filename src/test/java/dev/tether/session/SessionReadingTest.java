package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketConfig;
import dev.tether.WebSocketTimeoutException;
import dev.tether.protocol.Opcode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** readMessage, runWith and the inbound bound, with no network. */
class SessionReadingTest {

    @Test
    void messagesArriveWholeAndInOrder() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        byte[] input = ClientFrames.join(
                java.nio.ByteBuffer.wrap(ClientFrames.text("one")),
                java.nio.ByteBuffer.wrap(ClientFrames.data(Opcode.BINARY, true, new byte[] {1, 2, 3})),
                java.nio.ByteBuffer.wrap(ClientFrames.text("three")));
        // One byte at a time, as a slow network would deliver it.
        for (byte b : input) t.receive(new byte[] {b});

        assertEquals(Message.text("one"), t.session.readMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, t.session.readMessage().bytes());
        assertEquals("three", t.session.readMessage().text());
    }

    @Test
    void fragmentsAreAssembledAndControlFramesHandledInside() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(ClientFrames.data(Opcode.TEXT, false, "Hel".getBytes(StandardCharsets.UTF_8)));
        t.receive(ClientFrames.control(Opcode.PING, "p1".getBytes(StandardCharsets.UTF_8)));
        t.receive(ClientFrames.data(Opcode.CONTINUATION, true, "lo".getBytes(StandardCharsets.UTF_8)));

        assertEquals("Hello", t.session.readMessage().text());
        assertEquals(List.of("pong:p1"), t.writtenEvents());
    }

    @Test
    void readTimesOutWithATimeoutException() {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        assertThrows(WebSocketTimeoutException.class, () -> t.session.readMessage(Duration.ofMillis(50)));
        assertTrue(t.session.isConnected(), "a read timeout does not close the connection");
    }

    @Test
    void configuredReadTimeoutAppliesToReadMessage() {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().readTimeout(Duration.ofMillis(30)).build());
        assertThrows(WebSocketTimeoutException.class, t.session::readMessage);
    }

    @Test
    void runWithCarriesOnThroughReadTimeoutsAndReturnsWhenClosed() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().readTimeout(Duration.ofMillis(20)).build());
        List<String> seen = new ArrayList<>();
        Thread feeder = new Thread(() -> {
            try {
                Thread.sleep(100); // several read timeouts pass first
                t.receive(ClientFrames.text("late"));
                Thread.sleep(60);
                t.receive(ClientFrames.close(1000, "done"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        feeder.start();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> t.session.runWith(m -> seen.add(m.text())));
        feeder.join();
        assertEquals(List.of("late"), seen);
        assertEquals(1000, t.session.closeStatus().code());
    }

    @Test
    void runWithReturnsWhenTheCloseOvertakesTheHandlersReply() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(ClientFrames.text("echo me"));
        t.receive(ClientFrames.close(1000, ""));
        // The close is already in: the echo's send fails with "closed", and runWith still returns normally.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> t.session.runWith(t.session::sendMessage));
        assertEquals(List.of("close:1000"), t.writtenEvents());
    }

    @Test
    void messagesReceivedBeforeTheCloseCanStillBeRead() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(ClientFrames.text("last words"));
        t.receive(ClientFrames.close(4000, "bye"));

        assertEquals("last words", t.session.readMessage().text());
        WebSocketClosedException closed = assertThrows(WebSocketClosedException.class, t.session::readMessage);
        assertEquals(4000, closed.code());
        assertEquals("bye", closed.reason());
    }

    @Test
    void readingPausesWhenTheHandlerFallsBehindAndResumesWhenItCatchesUp() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().maxInboundBufferBytes(1000).build());
        byte[] frame = ClientFrames.data(Opcode.BINARY, true, new byte[400]);
        assertTrue(t.receive(frame), "400 of 1000 bytes waiting: keep reading");
        assertTrue(t.receive(frame), "800 of 1000 bytes waiting: keep reading");
        assertFalse(t.receive(frame), "1200 bytes waiting: the transport must pause");
        assertEquals(0, t.resumes);

        t.session.readMessage(); // 800 bytes left, under the bound
        assertEquals(1, t.resumes, "reading resumes once the inbox is under its bound");
        t.session.readMessage();
        t.session.readMessage();
        assertEquals(1, t.resumes, "resumed once, not on every read");
    }
}
