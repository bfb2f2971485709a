package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketConfig;
import dev.tether.WebSocketTimeoutException;
import dev.tether.session.OutboundQueue;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The socket transport on its own, under a recording stand-in for the session. */
class SocketTransportTest {

    private static final WebSocketConfig CONFIG = WebSocketConfig.builder()
            .writeTimeout(Duration.ofMillis(500)).closeTimeout(Duration.ofMillis(500)).build();

    private static ClientSocket connect(ScriptedServer server) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        return new ClientSocket(s, s, new BufferedInputStream(s.getInputStream(), SocketConnector.BUFFER_SIZE),
                s.getOutputStream());
    }

    private static SocketTransport transport(ClientSocket socket, RecordingListener listener, WebSocketConfig config) {
        return new SocketTransport(socket, listener, config, "test server");
    }

    @Test
    void bytesAlreadyBufferedAfterTheHandshakeComeFirst() throws Exception {
        CountDownLatch more = new CountDownLatch(1);
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.write(out, "HEAD|abc");
            more.await(20, TimeUnit.SECONDS);
            RawHttp.write(out, "def");
            in.read();
        })) {
            ClientSocket socket = connect(server);
            assertEquals("HEAD|", new String(socket.in().readNBytes(5), StandardCharsets.US_ASCII)); // the "handshake"
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(socket, listener, CONFIG);
            transport.startReading();
            assertEquals("abc", listener.awaitText(3));
            more.countDown();
            assertEquals("abcdef", listener.awaitText(6));
            transport.abort();
            listener.awaitClosed();
            server.awaitScript();
            assertFalse(listener.overlapped);
        }
    }

    @Test
    void serverClosingFirstIsEndOfInputAndTheSessionsCloseFinishesIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.write(out, "bye");
            socket.shutdownOutput();
            assertEquals(-1, in.read()); // the client closes after us
        })) {
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(connect(server), listener, CONFIG);
            listener.onEvent = e -> {
                if (e.equals("end")) transport.close(); // as a session does after the server's close
            };
            transport.startReading();
            listener.awaitClosed();
            server.awaitScript();
            assertEquals("bye", listener.text());
            assertEquals(List.of("end", "closed"), listener.events);
            assertTrue(transport.isSocketClosed());
        }
    }

    @Test
    void clientCloseWaitsForTheServerToCloseTcp() throws Exception {
        CountDownLatch serverMayClose = new CountDownLatch(1);
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            serverMayClose.await(20, TimeUnit.SECONDS);
            socket.close();
        })) {
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(connect(server), listener,
                    CONFIG.toBuilder().closeTimeout(Duration.ofSeconds(30)).build());
            transport.startReading();
            transport.close();
            // RFC 6455 §7.1.1: the server closes TCP first; the client waits for it.
            assertFalse(listener.closed.await(300, TimeUnit.MILLISECONDS), "closed before the server did");
            assertFalse(transport.isSocketClosed());
            serverMayClose.countDown();
            listener.awaitClosed();
            assertEquals(List.of("end", "closed"), listener.events);
            server.awaitScript();
        }
    }

    @Test
    void closeTimeoutDropsAServerThatNeverCloses() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            assertEquals(-1, in.read()); // only the client's timeout ends this
        })) {
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(connect(server), listener, CONFIG);
            transport.startReading();
            transport.close();
            listener.awaitClosed();
            server.awaitScript();
            assertEquals(List.of("closed"), listener.events);
            assertEquals(1, listener.closedCount.get());
        }
    }

    @Test
    void abortClosesAtOnceWithoutReportingAFailure() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            assertEquals(-1, in.read());
        })) {
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(connect(server), listener, CONFIG);
            transport.startReading();
            transport.abort();
            transport.abort(); // idempotent
            listener.awaitClosed();
            server.awaitScript();
            assertEquals(List.of("closed"), listener.events);
            assertNull(listener.failure);
        }
    }

    @Test
    void connectionResetIsATransportFailure() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            socket.setSoLinger(true, 0); // close with RST
            socket.close();
        })) {
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(connect(server), listener, CONFIG);
            transport.startReading();
            listener.awaitClosed();
            server.awaitScript();
            assertEquals(List.of("failure", "closed"), listener.events);
            assertInstanceOf(IOException.class, listener.failure);
        }
    }

    @Test
    void readingPausesUntilTheSessionResumesIt() throws Exception {
        CountDownLatch firstTaken = new CountDownLatch(1);
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.write(out, "first");
            firstTaken.await(20, TimeUnit.SECONDS);
            RawHttp.write(out, "second");
            in.read();
        })) {
            RecordingListener listener = new RecordingListener();
            listener.onData = b -> {
                firstTaken.countDown();
                return false; // the handler has fallen behind
            };
            SocketTransport transport = transport(connect(server), listener, CONFIG);
            transport.startReading();
            assertEquals("first", listener.awaitText(5));
            Thread.sleep(300); // "second" is on its way; a paused transport must not deliver it
            assertEquals("first", listener.text());
            listener.onData = b -> true;
            transport.resumeReading();
            assertEquals("firstsecond", listener.awaitText(11));
            transport.abort();
            listener.awaitClosed();
            server.awaitScript();
        }
    }

    @Test
    void abortWakesAPausedReader() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.write(out, "x");
            in.read();
        })) {
            RecordingListener listener = new RecordingListener();
            listener.onData = b -> false;
            SocketTransport transport = transport(connect(server), listener, CONFIG);
            transport.startReading();
            listener.awaitText(1);
            transport.abort();
            listener.awaitClosed();
            server.awaitScript();
        }
    }

    @Test
    void framesFromManyThreadsAreWrittenWholeAndInOrder() throws Exception {
        int threads = 6;
        int perThread = 200;
        AtomicReference<String> received = new AtomicReference<>();
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            received.set(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        })) {
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(connect(server), listener, CONFIG);
            transport.startReading();
            OutboundQueue queue = listener.queue;
            List<Thread> senders = new ArrayList<>();
            List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread sender = new Thread(() -> {
                    try {
                        for (int i = 0; i < perThread; i++) {
                            // a frame in two buffers, one of them direct: both must go out, in order
                            ByteBuffer head = ByteBuffer.wrap(("<" + id + ":").getBytes(StandardCharsets.US_ASCII));
                            byte[] tail = (i + ">").getBytes(StandardCharsets.US_ASCII);
                            ByteBuffer direct = ByteBuffer.allocateDirect(tail.length).put(tail).flip();
                            long seq = queue.enqueueData(head, direct);
                            transport.flush();
                            OutboundQueue.Outcome outcome = queue.awaitWritten(seq, 20, TimeUnit.SECONDS);
                            if (outcome != OutboundQueue.Outcome.WRITTEN) throw new AssertionError(outcome);
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                senders.add(sender);
                sender.start();
            }
            for (Thread s : senders) s.join(30_000);
            assertEquals(List.of(), errors);
            assertTrue(queue.isEmpty());
            transport.abort();
            listener.awaitClosed();
            server.awaitScript();
        }
        Map<Integer, Integer> next = new HashMap<>();
        String all = received.get();
        int frames = 0;
        for (String frame : all.split(">")) {
            assertTrue(frame.startsWith("<"), "torn frame: " + frame);
            String[] parts = frame.substring(1).split(":");
            int id = Integer.parseInt(parts[0]);
            int seq = Integer.parseInt(parts[1]);
            assertEquals(next.getOrDefault(id, 0), seq, "sender " + id + " out of order");
            next.put(id, seq + 1);
            frames++;
        }
        assertEquals(threads * perThread, frames);
    }

    @Test
    void aWriteThatMakesNoProgressIsAbortedByTheWatchdog() throws Exception {
        CountDownLatch clientGaveUp = new CountDownLatch(1);
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            clientGaveUp.await(30, TimeUnit.SECONDS); // never reads: the client's send buffer fills
        })) {
            ClientSocket socket = connect(server);
            socket.socket().setSendBufferSize(64 * 1024);
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(socket, listener, CONFIG);
            transport.startReading();
            long seq = listener.queue.enqueueData(ByteBuffer.wrap(new byte[32 * 1024 * 1024]));
            Thread writer = new Thread(transport::flush); // blocks in write until the watchdog steps in
            writer.start();
            listener.awaitClosed();
            clientGaveUp.countDown();
            writer.join(20_000);
            assertFalse(writer.isAlive(), "the blocked write was not ended");
            assertEquals(List.of("failure", "closed"), listener.events);
            assertInstanceOf(WebSocketTimeoutException.class, listener.failure);
            assertTrue(listener.failure.getMessage().contains("no progress"), listener.failure.getMessage());
            assertEquals(OutboundQueue.Outcome.DROPPED, listener.queue.awaitWritten(seq, 1, TimeUnit.SECONDS));
            server.awaitScript();
        }
    }

    @Test
    void readerThreadIsTheOnlyOneReportingEvenWhenWritesFail() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        })) {
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(connect(server), listener, CONFIG);
            server.awaitScript();
            // Writes into a reset connection fail; the failure is reported once, by the reader.
            for (int i = 0; i < 20; i++) {
                listener.queue.enqueueData(ByteBuffer.wrap(new byte[1024]));
                transport.flush();
            }
            transport.startReading();
            listener.awaitClosed();
            assertEquals("failure", listener.events.get(0));
            assertEquals(1, listener.closedCount.get());
            assertFalse(listener.overlapped);
        }
    }

    @Test
    void readsContinueWhileBufferedInputIsConsumed() throws Exception {
        byte[] big = new byte[1 << 20];
        for (int i = 0; i < big.length; i++) big[i] = (byte) ('a' + i % 26);
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            out.write(big);
            out.flush();
            in.read();
        })) {
            RecordingListener listener = new RecordingListener();
            SocketTransport transport = transport(connect(server), listener, CONFIG);
            transport.startReading();
            String text = listener.awaitText(big.length);
            assertEquals(new String(big, StandardCharsets.ISO_8859_1), text);
            transport.abort();
            listener.awaitClosed();
            server.awaitScript();
        }
    }
}
