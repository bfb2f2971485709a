package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connecting and the opening handshake never wait longer than the client was told to. */
class ClientTimeoutTest {

    @Test
    void connectTimesOutAgainstAServerWhoseBacklogIsFull() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
            // Never accepted: once the accept queue is full the kernel drops further SYNs, and a connect hangs.
            boolean saturated = false;
            for (int i = 0; i < 50 && !saturated; i++) {
                Socket s = new Socket();
                fillers.add(s);
                try {
                    s.connect(address, 300);
                } catch (SocketTimeoutException e) {
                    saturated = true;
                }
            }
            assertTrue(saturated, "could not fill the listen backlog");
            WebSocketClient client = WebSocketClient.builder().connectTimeout(Duration.ofMillis(300)).build();
            WebSocketTimeoutException e = assertThrows(WebSocketTimeoutException.class,
                    () -> client.connect("ws://127.0.0.1:" + full.getLocalPort() + "/"));
            assertTrue(e.getMessage().contains("connecting to 127.0.0.1:" + full.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        } finally {
            for (Socket s : fillers) s.close();
        }
    }

    @Test
    void handshakeTimesOutWhenTheServerNeverAnswers() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.readRequest(in);
            in.read(); // silent until the client hangs up
        })) {
            WebSocketClient client = WebSocketClient.builder().handshakeTimeout(Duration.ofMillis(300)).build();
            WebSocketTimeoutException e = assertThrows(WebSocketTimeoutException.class,
                    () -> client.connect(server.url("/")));
            assertTrue(e.getMessage().contains("opening handshake"), e.getMessage());
            assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
            server.awaitScript();
        }
    }

    @Test
    void handshakeTimesOutWhenTheServerTricklesItsAnswer() throws Exception {
        // One byte every 50 ms keeps any per-read timeout happy; only a deadline on the whole handshake ends it.
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            RawHttp.readRequest(in);
            byte[] endless = "HTTP/1.1 101 Switching Protocols\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            try {
                for (int i = 0; System.nanoTime() < giveUp; i++) {
                    out.write(i < endless.length ? endless[i] : 'z');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException e) {
                return; // the client hung up: what we wanted
            }
            throw new AssertionError("client kept listening for 30 s");
        })) {
            WebSocketClient client = WebSocketClient.builder().handshakeTimeout(Duration.ofMillis(500)).build();
            assertThrows(WebSocketTimeoutException.class, () -> client.connect(server.url("/")));
            server.awaitScript();
        }
    }

    @Test
    void tlsHandshakeTimesOutWhenTheServerNeverSpeaksTls() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((socket, in, out) -> {
            while (in.read() >= 0) {
                // swallow the ClientHello, answer nothing
            }
        })) {
            WebSocketClient client = WebSocketClient.builder().handshakeTimeout(Duration.ofMillis(300)).build();
            WebSocketTimeoutException e = assertThrows(WebSocketTimeoutException.class,
                    () -> client.connect(server.secureUrl("/")));
            assertTrue(e.getMessage().contains("opening handshake"), e.getMessage());
            server.awaitScript();
        }
    }
}
