package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketConfig;
import dev.tether.WebSocketTimeoutException;
import dev.tether.protocol.Opcode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sending: atomic messages, fragments, back-pressure and the write timeout, with no network. */
class SessionSendingTest {

    @Test
    void aWriteTimeoutOfCenturiesIsAlmostForeverNotAnOverflow() throws Exception {
        // Longer than a long holds in nanoseconds: sends must neither throw nor time out at once.
        WebSocketConfig centuries = WebSocketConfig.builder().writeTimeout(Duration.ofDays(365L * 1000)).build();
        InMemoryTransport t = InMemoryTransport.server(centuries);
        t.session.sendMessage("small");
        t.session.sendMessage(new byte[200_000]); // over the outbound buffer: waits until written
        t.session.sendTextFrames(List.of("a", "b"));
        assertEquals(List.of("text:small", "binary:200000", "text:ab"), t.writtenEvents());
    }

    @Test
    void readTimeoutsOfCenturiesAreAlmostForeverNotAnOverflow() throws Exception {
        WebSocketConfig centuries = WebSocketConfig.builder().readTimeout(Duration.ofDays(365L * 1000)).build();
        InMemoryTransport t = InMemoryTransport.server(centuries);
        t.receive(ClientFrames.text("one"));
        t.receive(ClientFrames.text("two"));
        assertEquals("one", t.session.readMessage().text());
        assertEquals("two", t.session.readMessage(Duration.ofDays(365L * 1000)).text());
    }

    @Test
    void concurrentSendersNeverInterleaveTheirFrames() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        int senders = 8;
        int perSender = 50;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int id = s;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perSender; i++) {
                    // Fragmented messages are where interleaving would show.
                    t.session.sendTextFrames(List.of(id + ":" + i + ":a", ":b", ":c"));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) f.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        List<String> events = t.writtenEvents();
        assertEquals(senders * perSender, events.size());
        for (String e : events) assertTrue(e.matches("text:\\d+:\\d+:a:b:c"), e);
    }

    @Test
    void emptyFragmentListSendsOneEmptyMessage() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.session.sendByteFrames(Collections.emptyList());
        assertEquals(List.of("binary:0"), t.writtenEvents());
    }

    @Test
    void byteFramesAreOneMessage() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.session.sendByteFrames(List.of(new byte[10], new byte[20], new byte[30]));
        assertEquals(List.of("binary:60"), t.writtenEvents());
    }

    @Test
    void sendToAPeerThatStoppedReadingFailsAfterTheWriteTimeoutOnceTheOutboundBufferIsFull() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder()
                .writeTimeout(Duration.ofMillis(200)).maxOutboundBufferBytes(4096).build());
        t.stall();
        String kib = "x".repeat(1024);
        int returned = 0;
        long start = 0;
        WebSocketTimeoutException failure = null;
        while (returned < 100) {
            start = System.nanoTime();
            try {
                t.session.sendMessage(kib);
                returned++;
            } catch (WebSocketTimeoutException e) {
                failure = e;
                break;
            }
        }
        assertTrue(failure != null, "sends never blocked");
        // Frames of 1,028 bytes (a 4-byte header): three leave 3,084 bytes waiting; the fourth passes 4 KiB and waits.
        assertEquals(3, returned, "sends return at once while the 4 KiB buffer has room, then one waits");
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs >= 150, "waited for the timeout, not less: " + elapsedMs);
        assertTrue(failure.getMessage().contains("write timeout"), failure.getMessage());
        assertTrue(t.aborted, "the connection is dropped");
        assertFalse(t.session.isConnected());
        assertEquals(CloseCodes.ABNORMAL, t.session.closeStatus().code());
    }

    @Test
    void sendReturnsAtOnceWhileTheOutboundBufferHasRoomAndWaitsBeyondIt() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().maxOutboundBufferBytes(4096).build());
        t.stall();
        t.session.sendMessage("queued");
        Thread sender = new Thread(() -> {
            try {
                t.session.sendMessage("y".repeat(8000)); // beyond the buffer: waits until the peer takes it
                t.session.sendMessage("after");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        sender.start();
        sender.join(200);
        assertTrue(sender.isAlive(), "a send beyond the outbound buffer blocks while the peer takes nothing");
        t.unstall();
        sender.join(5000);
        assertFalse(sender.isAlive());
        assertEquals(List.of("text:queued", "text:" + "y".repeat(8000), "text:after"), t.writtenEvents());
    }

    @Test
    void aLargeBinaryMessageIsWrittenBeforeItsSendReturnsSoItsArrayMayBeReused() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().maxOutboundBufferBytes(1024).build());
        t.stall();
        byte[] big = new byte[4096];
        Thread sender = new Thread(() -> {
            try {
                t.session.sendMessage(big);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        sender.start();
        sender.join(200);
        assertTrue(sender.isAlive(), "the frame wraps the caller's array: the send waits for it to be written");
        t.unstall();
        sender.join(5000);
        assertFalse(sender.isAlive());
        assertEquals(List.of("binary:4096"), t.writtenEvents());
    }

    @Test
    void aBinaryMessageThatReturnsAtOnceWasCopied() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.stall();
        byte[] reused = "first".getBytes(StandardCharsets.UTF_8);
        byte[] medium = new byte[2000];
        medium[0] = 1;
        t.session.sendMessage(reused);
        t.session.sendMessage(medium);
        reused[0] = 'F'; // the caller reuses its arrays at once
        medium[0] = 2;
        t.unstall();
        List<byte[]> payloads = t.writtenPayloads();
        assertEquals("first", new String(payloads.get(0), StandardCharsets.UTF_8));
        assertEquals(1, payloads.get(1)[0]);
    }

    @Test
    void trySendRefusesOnceTheOutboundBufferIsFullAndNeverWaits() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().maxOutboundBufferBytes(2048).build());
        t.stall();
        String kib = "z".repeat(1024);
        int accepted = 0;
        while (accepted < 100 && t.session.trySendMessage(kib)) accepted++;
        // 1,028-byte frames: the second is accepted with 1,028 bytes waiting, the third finds 2,056 > 2,048.
        assertEquals(2, accepted, "accepted while the 2 KiB buffer was not full (the last may pass it by one message)");
        assertFalse(t.session.trySendMessage(new byte[1]));
        assertTrue(t.session.isConnected(), "a full buffer is the caller's to handle, not a failure");
        t.unstall();
        assertEquals(2, t.writtenEvents().size());
        assertTrue(t.session.trySendMessage("room again"));
    }

    @Test
    void pingFloodQueuesABoundedBurstOfPongsWhileThePeerIsNotReading() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.stall();
        for (int i = 0; i < 10_000; i++) {
            t.receive(ClientFrames.control(Opcode.PING, ("p" + i).getBytes(StandardCharsets.UTF_8)));
        }
        t.unstall();
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < OutboundQueue.MAX_WAITING_PONGS - 1; i++) expected.add("pong:p" + i);
        expected.add("pong:p9999");
        assertEquals(expected, t.writtenEvents(), "the first pings are answered one by one, then only the latest");
        assertTrue(t.session.isConnected());
    }

    @Test
    void pingIsSentAndThePongRecorded() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.session.ping();
        assertEquals(List.of("ping"), t.writtenEvents());
        assertEquals(0, t.session.lastPongNanos());
        t.receive(ClientFrames.control(Opcode.PONG, new byte[0]));
        assertTrue(t.session.lastPongNanos() != 0);
    }

    @Test
    void closeWhileASenderWaitsForRoomReleasesItWithClosedAndTheQueuedDataPrecedeTheClose() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().maxOutboundBufferBytes(16).build());
        t.stall();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> f = pool.submit(() -> {
            t.session.sendMessage("pending beyond the buffer");
            return null;
        });
        Thread.sleep(100);
        assertFalse(f.isDone(), "the sender waits for room");
        t.session.close(1001, "shutting down");
        Exception e = assertThrows(Exception.class, () -> f.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof dev.tether.WebSocketClosedException, String.valueOf(e.getCause()));
        pool.shutdown();
        t.unstall();
        assertEquals(List.of("text:pending beyond the buffer", "close:1001:shutting down"), t.writtenEvents(),
                "a message queued before the close goes out before it; nothing follows the close");
    }

    @Test
    void aMessageSentJustBeforeCloseIsWrittenBeforeTheCloseFrame() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.stall();
        t.session.sendMessage("goodbye");
        t.session.close();
        t.unstall();
        assertEquals(List.of("text:goodbye", "close:1000"), t.writtenEvents());
    }

    @Test
    void aMessageWhoseSendReturnedIsWrittenBeforeTheCloseOfAFailedConnection() throws Exception {
        DeferredFlushes.sweepDelayForTests(TimeUnit.SECONDS.toMicros(30)); // the reply stays queued until the failure
        try {
            InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
            t.receive(ClientFrames.join(java.nio.ByteBuffer.wrap(ClientFrames.text("one")), java.nio.ByteBuffer.wrap(ClientFrames.text("two"))));
            t.session.readMessage();
            t.session.sendMessage("sent before the failure"); // queued: a message still waits for the handler
            t.receive(ClientFrames.data(Opcode.TEXT, true, new byte[] {(byte) 0xC0, (byte) 0x80})); // invalid UTF-8: 1007
            List<String> events = t.writtenEvents();
            assertEquals(2, events.size(), String.valueOf(events));
            assertEquals("text:sent before the failure", events.get(0));
            assertTrue(events.get(1).startsWith("close:1007"), String.valueOf(events));
        } finally {
            DeferredFlushes.sweepDelayForTests(DeferredFlushes.SWEEP_DELAY_MICROS);
        }
    }
}
