package dev.tether.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Tether;
import dev.tether.server.TetherServerTest.Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slowloris against the embedded server: a connection that has not completed its opening handshake within
 * the handshake timeout is dropped, however it keeps busy meanwhile; a WebSocket, once open, is not.
 */
class TetherServerHandshakeTimeoutTest {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofMillis(1000);
    private static final String REQUEST = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nUser-Agent: a slow and patient client\r\n\r\n";

    private TetherServer server;

    @BeforeEach
    void start() {
        server = Tether.server().host("127.0.0.1").handshakeTimeout(HANDSHAKE_TIMEOUT)
                .endpoint("/ws", ws -> ws.runWith(ws::sendMessage)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDefaultIsTenSeconds() {
        assertEquals(Duration.ofSeconds(10), TetherServer.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    @Test
    void aRequestTrickledAByteAtATimeIsDroppedAtTheDeadline() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            CompletableFuture<Long> dropped = droppedAt(socket);
            OutputStream out = socket.getOutputStream();
            byte[] request = REQUEST.getBytes(StandardCharsets.ISO_8859_1);
            int sent = 0;
            // 100 ms a byte: Jetty's idle timeout (as long as the deadline) restarts with each one and never fires.
            try {
                while (sent < request.length - 1 && !dropped.isDone()) {
                    out.write(request[sent++]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                // the server closed the connection under our feet: what we wait for
            }
            long droppedAfter = TimeUnit.NANOSECONDS.toMillis(dropped.get(10, TimeUnit.SECONDS) - start);
            assertTrue(sent < request.length - 1, "the whole request went out before anything happened");
            assertTrue(droppedAfter >= HANDSHAKE_TIMEOUT.toMillis() - 100, "dropped after only " + droppedAfter + " ms");
            assertTrue(droppedAfter < HANDSHAKE_TIMEOUT.toMillis() + 3_000, "dropped only after " + droppedAfter + " ms");
        }
    }

    @Test
    void aSilentConnectionIsDropped() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            long droppedAfter = TimeUnit.NANOSECONDS.toMillis(droppedAt(socket).get(10, TimeUnit.SECONDS) - start);
            assertTrue(droppedAfter < HANDSHAKE_TIMEOUT.toMillis() + 3_000, "dropped only after " + droppedAfter + " ms");
        }
    }

    @Test
    void aWebSocketOutlivesTheHandshakeTimeout() throws Exception {
        Client client = Client.connect(server.uri("/ws"), null);
        assertEquals("before", client.echo("before"));
        Thread.sleep(HANDSHAKE_TIMEOUT.toMillis() * 2);
        assertFalse(client.closeCode.isDone(), "the WebSocket was closed: " + client.closeCode);
        assertEquals("after", client.echo("after"));
    }

    @Test
    void aHandshakeAfterADroppedTrickleIsServed() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /ws HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            droppedAt(socket).get(10, TimeUnit.SECONDS);
        }
        Client client = Client.connect(server.uri("/ws"), null);
        assertEquals("served", client.echo("served"));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(15_000); // hang guard
        return socket;
    }

    /** Completes with {@link System#nanoTime()} when the server ends the connection (EOF or reset). */
    private static CompletableFuture<Long> droppedAt(Socket socket) {
        CompletableFuture<Long> dropped = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                InputStream in = socket.getInputStream();
                byte[] sink = new byte[1024];
                while (in.read(sink) >= 0) {
                    // a response would be a failure, but the ending time is what we measure
                }
                dropped.complete(System.nanoTime());
            } catch (IOException e) {
                dropped.complete(System.nanoTime());
            }
        }, "slowloris-reader");
        reader.setDaemon(true);
        reader.start();
        return dropped;
    }
}
