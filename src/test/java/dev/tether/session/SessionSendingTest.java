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
    void sendToAPeerThatStoppedReadingFailsAfterTheWriteTimeout() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.builder().writeTimeout(Duration.ofMillis(200)).build());
        t.stall();
        long start = System.nanoTime();
        WebSocketTimeoutException e = assertThrows(WebSocketTimeoutException.class, () -> t.session.sendMessage("stuck"));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs >= 150, "waited for the timeout, not less: " + elapsedMs);
        assertTrue(e.getMessage().contains("write timeout"), e.getMessage());
        assertTrue(t.aborted, "the connection is dropped");
        assertFalse(t.session.isConnected());
        assertEquals(CloseCodes.ABNORMAL, t.session.closeStatus().code());
    }

    @Test
    void sendReturnsOnlyOnceTheTransportHasTakenTheFrame() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.stall();
        Thread sender = new Thread(() -> {
            try {
                t.session.sendMessage("waiting");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        sender.start();
        sender.join(200);
        assertTrue(sender.isAlive(), "a send blocks while the peer takes nothing");
        t.unstall();
        sender.join(5000);
        assertFalse(sender.isAlive());
        assertEquals(List.of("text:waiting"), t.writtenEvents());
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
    void closeWhileASenderWaitsReleasesItWithClosed() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.stall();
        // First frame is taken by nobody; the sender waits.
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> f = pool.submit(() -> {
            t.session.sendMessage("pending");
            return null;
        });
        Thread.sleep(100);
        t.session.close(1001, "shutting down");
        Exception e = assertThrows(Exception.class, () -> f.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof dev.tether.WebSocketClosedException, String.valueOf(e.getCause()));
        pool.shutdown();
        t.unstall();
        assertEquals(List.of("close:1001:shutting down"), t.writtenEvents(), "nothing follows a close frame");
    }
}
