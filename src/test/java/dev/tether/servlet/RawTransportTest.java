package dev.tether.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.EmbeddedContainer.Options;
import dev.tether.testing.RawEchoConnection;
import dev.tether.testing.RawWebSocket;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transports alone (servlet upgrade on Tomcat, Jetty's own upgrade on Jetty), with a listener that
 * echoes raw bytes in place of the session: bytes in both directions, back-pressure, and every way a
 * connection ends.
 */
class RawTransportTest {

    static Stream<Arguments> containers() {
        return Stream.of(Arguments.of(Kind.JETTY, false), Arguments.of(Kind.TOMCAT, false),
                Arguments.of(Kind.JETTY, true), Arguments.of(Kind.TOMCAT, true));
    }

    private EmbeddedContainer container;

    @AfterEach
    void stopContainer() {
        if (container != null) container.stop();
    }

    private EmbeddedContainer start(Kind kind, boolean tls, BlockingQueue<RawEchoConnection> created, long pauseAfter) {
        EndpointRegistry registry = new EndpointRegistry().register(Endpoint.of("/*", ws -> { }));
        container = kind.start(new TetherServlet(registry, TransportChoice.AUTO, RawEchoConnection.factory(created, pauseAfter)),
                new Options(tls, null));
        return container;
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("containers")
    void echoesBytesSentAfterTheHandshake(Kind kind, boolean tls) throws Exception {
        BlockingQueue<RawEchoConnection> created = RawEchoConnection.queue();
        EmbeddedContainer c = start(kind, tls, created, 0);
        try (RawWebSocket client = RawWebSocket.open(c, "/raw")) {
            assertEquals(101, client.handshake().status());
            assertEquals("websocket", client.handshake().header("upgrade").toLowerCase());
            for (int round = 0; round < 3; round++) {
                byte[] sent = ("hello " + round).getBytes();
                client.sendRaw(sent);
                assertArrayEquals(sent, client.socket().getInputStream().readNBytes(sent.length));
            }
            RawEchoConnection server = created.poll(5, TimeUnit.SECONDS);
            assertFalse(server.dataBeforeStart.get());
            assertEquals("/raw", server.handshake.path());
        }
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("containers")
    void echoesBytesThatCameInTheSameWriteAsTheRequest(Kind kind, boolean tls) throws Exception {
        BlockingQueue<RawEchoConnection> created = RawEchoConnection.queue();
        byte[] early = "early bird".getBytes();
        EmbeddedContainer c = start(kind, tls, created, 0);
        try (RawWebSocket client = RawWebSocket.open(c, "/raw", early)) {
            assertEquals(101, client.handshake().status());
            assertArrayEquals(early, client.socket().getInputStream().readNBytes(early.length));
            client.sendRaw("later".getBytes());
            assertArrayEquals("later".getBytes(), client.socket().getInputStream().readNBytes(5));
        }
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("containers")
    void streamsFourMebibytesBothWaysAtOnceAndPausesWithoutLosingAByte(Kind kind, boolean tls) throws Exception {
        BlockingQueue<RawEchoConnection> created = RawEchoConnection.queue();
        byte[] sent = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(sent);
        EmbeddedContainer c = start(kind, tls, created, 1024 * 1024);
        try (RawWebSocket client = RawWebSocket.open(c, "/raw")) {
            AtomicReference<byte[]> received = new AtomicReference<>();
            AtomicReference<Throwable> readFailure = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    InputStream in = client.socket().getInputStream();
                    received.set(in.readNBytes(sent.length));
                } catch (Throwable e) {
                    readFailure.set(e);
                }
            });
            reader.start();
            for (int off = 0; off < sent.length; off += 100_000) {
                client.sendRaw(java.util.Arrays.copyOfRange(sent, off, Math.min(sent.length, off + 100_000)));
            }
            reader.join(60_000);
            assertEquals(null, readFailure.get());
            assertArrayEquals(sent, received.get());
            RawEchoConnection server = created.poll(5, TimeUnit.SECONDS);
            assertEquals(1, server.pauses.get(), "reading paused once");
            assertFalse(server.overlappingCalls.get(), "listener called from two threads at once");
        }
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("containers")
    void clientFinEndsTheInputAndTheConnectionClosesOnce(Kind kind, boolean tls) throws Exception {
        BlockingQueue<RawEchoConnection> created = RawEchoConnection.queue();
        EmbeddedContainer c = start(kind, tls, created, 0);
        try (RawWebSocket client = RawWebSocket.open(c, "/raw")) {
            client.sendRaw("x".getBytes());
            assertEquals('x', client.socket().getInputStream().read());
            if (tls) {
                client.socket().close(); // SSLSocket cannot half-close; close_notify + FIN
            } else {
                client.socket().shutdownOutput();
                // the listener closes on end of input: the server's FIN follows
                assertEquals(-1, client.socket().getInputStream().read());
            }
            RawEchoConnection server = created.poll(5, TimeUnit.SECONDS);
            assertTrue(server.closed.await(10, TimeUnit.SECONDS), "transport reported closed");
            Thread.sleep(200); // a second report would come now
            assertEquals(1, server.closes.get());
            assertEquals(1, server.endOfInputs.get() + server.failures.get(), "one disconnect reported");
            assertFalse(server.eventAfterClosed.get());
            assertFalse(server.overlappingCalls.get());
        }
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("containers")
    void clientResetClosesTheConnectionOnce(Kind kind, boolean tls) throws Exception {
        BlockingQueue<RawEchoConnection> created = RawEchoConnection.queue();
        EmbeddedContainer c = start(kind, tls, created, 0);
        try (RawWebSocket client = RawWebSocket.open(c, "/raw")) {
            client.sendRaw("x".getBytes());
            assertEquals('x', client.socket().getInputStream().read());
            client.kill();
            RawEchoConnection server = created.poll(5, TimeUnit.SECONDS);
            assertTrue(server.closed.await(10, TimeUnit.SECONDS), "transport reported closed");
            Thread.sleep(200);
            assertEquals(1, server.closes.get());
            assertEquals(1, server.endOfInputs.get() + server.failures.get(), "one disconnect reported");
            assertFalse(server.eventAfterClosed.get());
        }
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("containers")
    void serverAbortDropsTheConnection(Kind kind, boolean tls) throws Exception {
        BlockingQueue<RawEchoConnection> created = RawEchoConnection.queue();
        EmbeddedContainer c = start(kind, tls, created, 0);
        try (RawWebSocket client = RawWebSocket.open(c, "/raw")) {
            client.sendRaw("x".getBytes());
            assertEquals('x', client.socket().getInputStream().read());
            RawEchoConnection server = created.poll(5, TimeUnit.SECONDS);
            server.transport().abort();
            assertTrue(server.closed.await(10, TimeUnit.SECONDS), "transport reported closed");
            client.socket().setSoTimeout(5_000);
            assertEquals(-1, readUntilDropped(client.socket().getInputStream()), "client sees the connection dropped");
        }
    }

    private static int readUntilDropped(InputStream in) throws java.io.IOException {
        try {
            return in.read();
        } catch (java.net.SocketTimeoutException e) {
            throw e; // still open: the failure this test is about
        } catch (java.io.IOException e) {
            return -1; // a reset counts as dropped too
        }
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("containers")
    void idleConnectionsHoldNoThread(Kind kind, boolean tls) throws Exception {
        BlockingQueue<RawEchoConnection> created = RawEchoConnection.queue();
        EmbeddedContainer c = start(kind, tls, created, 0);
        java.util.List<RawWebSocket> clients = new java.util.ArrayList<>();
        try {
            RawWebSocket warm = RawWebSocket.open(c, "/raw");
            warm.sendRaw("w".getBytes());
            assertEquals('w', warm.socket().getInputStream().read());
            clients.add(warm);
            int before = dev.tether.testing.ThreadCounts.settled();
            for (int i = 0; i < 60; i++) {
                RawWebSocket client = RawWebSocket.open(c, "/raw");
                client.sendRaw(new byte[] {(byte) i});
                assertEquals(i, client.socket().getInputStream().read());
                clients.add(client);
            }
            int idle = dev.tether.testing.ThreadCounts.settled();
            assertTrue(idle < before + 15, "60 idle connections: " + before + " -> " + idle + " threads\n"
                    + dev.tether.testing.ThreadCounts.dump());
        } finally {
            for (RawWebSocket client : clients) client.close();
        }
    }
}
