package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import dev.tether.WebSocketConfig;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replies to a burst of messages share writes: the handler's sends while more input waits for it are
 * flushed together, when it next waits for input, or by the sweep if it does not come back.
 */
class SessionWriteBatchingTest {

    /** No sweep in the midst of a test that counts writes (a loaded machine may pause a test for milliseconds). */
    @org.junit.jupiter.api.BeforeEach
    void noSweepDuringTheTest() {
        DeferredFlushes.sweepDelayForTests(TimeUnit.SECONDS.toMicros(30));
    }

    @org.junit.jupiter.api.AfterEach
    void defaultSweep() {
        DeferredFlushes.sweepDelayForTests(DeferredFlushes.SWEEP_DELAY_MICROS);
    }

    private static byte[] burst(int messages) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < messages; i++) {
            all.writeBytes(ClientFrames.text("m" + i));
        }
        return all.toByteArray();
    }

    @Test
    void repliesToABurstReadInOneGoLeaveInOneWrite() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(burst(10));
        for (int i = 0; i < 9; i++) {
            Message m = t.session.readMessage();
            t.session.sendMessage("re:" + m.text());
        }
        assertEquals(0, t.writes, "nothing written while the handler still had messages to answer");
        t.session.sendMessage("re:" + t.session.readMessage().text()); // the last: no more input waits
        assertEquals(1, t.writes, "ten replies, one write");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) expected.add("text:re:m" + i);
        assertEquals(expected, t.writtenEvents());
    }

    @Test
    void aHandlerThatWaitsForInputFlushesWhatItDeferredFirst() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(burst(2));
        t.session.readMessage();
        t.session.sendMessage("deferred");
        t.session.readMessage(); // the second message; nothing waits now
        assertEquals(0, t.writes);
        org.junit.jupiter.api.Assertions.assertThrows(dev.tether.WebSocketTimeoutException.class,
                () -> t.session.readMessage(Duration.ofMillis(10)));
        assertEquals(List.of("text:deferred"), t.writtenEvents(), "written before the read waited");
    }

    @Test
    void aSendWithNoMoreInputWaitingIsWrittenAtOnce() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(burst(1));
        t.session.readMessage();
        t.session.sendMessage("reply");
        assertEquals(1, t.writes);
    }

    @Test
    void aSendFromAnotherThreadIsWrittenAtOnceEvenWhileInputWaits() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(burst(3));
        t.session.readMessage(); // this thread is the reader; two messages still wait
        Thread other = new Thread(() -> {
            try {
                t.session.sendMessage("push");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        other.start();
        other.join(5000);
        assertEquals(1, t.writes);
        assertEquals(List.of("text:push"), t.writtenEvents());
    }

    @Test
    void aReplyLeftUnflushedByAHandlerThatStopsReadingIsWrittenSoonAnyway() throws Exception {
        DeferredFlushes.sweepDelayForTests(DeferredFlushes.SWEEP_DELAY_MICROS);
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(burst(2));
        t.session.readMessage();
        t.session.sendMessage("first reply"); // deferred: a message waits ...
        assertEquals(0, t.writes);
        // ... but the handler now blocks elsewhere and does not come back to read.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (t.writes == 0 && System.nanoTime() < deadline) Thread.sleep(1);
        assertEquals(List.of("text:first reply"), t.writtenEvents(), "the sweep wrote it");
    }

    @Test
    void repliesBeyondTheOutboundBufferAreNotHeldBack() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().maxOutboundBufferBytes(1024).build());
        t.receive(burst(4));
        for (int i = 0; i < 3; i++) {
            t.session.readMessage();
            t.session.sendMessage("x".repeat(400));
        }
        assertTrue(t.writes >= 1, "once the outbound buffer fills, the replies are written without waiting for the burst's end");
    }

    @Test
    void closeWritesWhatWasDeferredBeforeTheCloseFrame() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(burst(2));
        t.session.readMessage();
        t.session.sendMessage("last words");
        t.session.close();
        assertEquals(List.of("text:last words", "close:1000"), t.writtenEvents());
    }

    @Test
    void aFanOutDuringABurstWritesEachOtherConnectionOnceForTheBurst() throws Exception {
        InMemoryTransport sender = InMemoryTransport.server(WebSocketConfig.defaults());
        InMemoryTransport member = InMemoryTransport.server(WebSocketConfig.defaults());
        sender.receive(burst(3));
        for (int i = 0; i < 2; i++) {
            member.session.sendMessage("post:" + sender.session.readMessage().text());
        }
        assertEquals(0, member.writes, "held for the burst's end: more messages wait on the connection being read");
        member.session.sendMessage("post:" + sender.session.readMessage().text()); // the burst's last
        assertEquals(1, member.writes, "three posts, one write");
        assertEquals(List.of("text:post:m0", "text:post:m1", "text:post:m2"), member.writtenEvents());
    }

    @Test
    void aFanOutHeldForABurstIsWrittenWhenTheHandlerWaitsForInput() throws Exception {
        InMemoryTransport sender = InMemoryTransport.server(WebSocketConfig.defaults());
        InMemoryTransport member = InMemoryTransport.server(WebSocketConfig.defaults());
        sender.receive(burst(2));
        sender.session.readMessage();
        member.session.sendMessage("held");
        sender.session.readMessage(); // nothing waits now, but no send followed
        assertEquals(0, member.writes);
        org.junit.jupiter.api.Assertions.assertThrows(dev.tether.WebSocketTimeoutException.class,
                () -> sender.session.readMessage(Duration.ofMillis(10)));
        assertEquals(List.of("text:held"), member.writtenEvents(), "written before the handler waited");
    }

    @Test
    void aFanOutHeldByAHandlerThatStopsReadingIsWrittenSoonAnyway() throws Exception {
        DeferredFlushes.sweepDelayForTests(DeferredFlushes.SWEEP_DELAY_MICROS);
        InMemoryTransport sender = InMemoryTransport.server(WebSocketConfig.defaults());
        InMemoryTransport member = InMemoryTransport.server(WebSocketConfig.defaults());
        sender.receive(burst(2));
        sender.session.readMessage();
        member.session.sendMessage("held");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (member.writes == 0 && System.nanoTime() < deadline) Thread.sleep(1);
        assertEquals(List.of("text:held"), member.writtenEvents(), "the sweep wrote it");
    }
}
