package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.ExtendedSSLSession;
import org.junit.jupiter.api.Test;

/** wss:// over the JDK's TLS: trust comes from the given context, and the certificate must name the host. */
class ClientTlsTest {

    /** A TLS server that completes the WebSocket handshake, then echoes one raw line for the test. */
    private static ScriptedServer tlsServer(KeyStore store, AtomicReference<RawHttp.Request> seen) throws Exception {
        return ScriptedServer.start(TestCertificates.serverSocket(store), (socket, in, out) -> {
            RawHttp.Request request = RawHttp.readRequest(in);
            seen.set(request);
            RawHttp.write(out, RawHttp.switching(request) + "after-101");
            in.read(); // until the client closes
        });
    }

    @Test
    void handshakeSucceedsWithATrustedSelfSignedCertificate() throws Exception {
        KeyStore store = TestCertificates.forLoopback();
        AtomicReference<RawHttp.Request> seen = new AtomicReference<>();
        try (ScriptedServer server = tlsServer(store, seen)) {
            WebSocketClient client = WebSocketClient.builder().sslContext(TestCertificates.trusting(store)).build();
            WebSocketClient.Handshaken h = client.handshake(WebSocketUri.parse(server.secureUrl("/secure?x=1")));
            try {
                assertInstanceOf(SSLSocket.class, h.socket().socket());
                // bytes after the 101 come through the TLS stream, in order
                assertEquals("after-101", new String(h.socket().in().readNBytes(9), StandardCharsets.US_ASCII));
            } finally {
                h.socket().closeNow();
            }
            server.awaitScript();
        }
        assertEquals("GET /secure?x=1 HTTP/1.1", seen.get().requestLine());
        assertTrue(seen.get().header("Host").startsWith("127.0.0.1:"));
    }

    @Test
    void messagesEchoOverTls() throws Exception {
        KeyStore store = TestCertificates.forLoopback();
        try (ScriptedServer server = ScriptedServer.start(TestCertificates.serverSocket(store), (socket, in, out) -> {
            RawHttp.Request request = RawHttp.readRequest(in);
            RawHttp.write(out, RawHttp.switching(request));
            while (true) {
                TestFrames.ClientFrame f = TestFrames.readClientFrame(in);
                if (f.opcode() == TestFrames.CLOSE) {
                    ScriptedWebSocketServer.send(out, TestFrames.frame(TestFrames.CLOSE, true, f.payload()));
                    return;
                }
                ScriptedWebSocketServer.send(out, TestFrames.frame(f.opcode(), f.fin(), f.payload()));
            }
        })) {
            WebSocketClient client = WebSocketClient.builder().sslContext(TestCertificates.trusting(store)).build();
            byte[] large = ClientSessionEchoTest.pattern(300_000);
            try (dev.tether.WebSocket ws = client.connect(server.secureUrl("/tls"))) {
                ws.sendMessage("over TLS");
                assertEquals("over TLS", ws.readMessage().text());
                ws.sendMessage(large);
                org.junit.jupiter.api.Assertions.assertArrayEquals(large, ws.readMessage().bytes());
            }
            server.awaitScript();
        }
    }

    @Test
    void hostNameIsSentAsSni() throws Exception {
        KeyStore store = TestCertificates.forLoopback();
        AtomicReference<String> sni = new AtomicReference<>();
        try (ScriptedServer server = ScriptedServer.start(TestCertificates.serverSocket(store), (socket, in, out) -> {
            SSLSocket ssl = (SSLSocket) socket;
            ssl.startHandshake();
            ExtendedSSLSession session = (ExtendedSSLSession) ssl.getSession();
            session.getRequestedServerNames().forEach(n -> sni.set(((SNIHostName) n).getAsciiName()));
            RawHttp.Request request = RawHttp.readRequest(in);
            RawHttp.write(out, RawHttp.switching(request));
            in.read();
        })) {
            WebSocketClient client = WebSocketClient.builder().sslContext(TestCertificates.trusting(store)).build();
            WebSocketClient.Handshaken h = client.handshake(WebSocketUri.parse("wss://localhost:" + server.port() + "/"));
            h.socket().closeNow();
            server.awaitScript();
        } catch (java.net.ConnectException e) {
            throw new AssertionError("localhost does not reach 127.0.0.1 on this machine", e);
        }
        assertEquals("localhost", sni.get());
    }

    @Test
    void certificateForAnotherHostIsRejected() throws Exception {
        KeyStore store = TestCertificates.forOtherHost();
        try (ScriptedServer server = ScriptedServer.start(TestCertificates.serverSocket(store), (socket, in, out) -> {
            try {
                ((SSLSocket) socket).startHandshake();
                in.read();
            } catch (IOException expected) {
                // the client aborts the handshake
            }
        })) {
            // The certificate is trusted: only the hostname check can refuse it.
            WebSocketClient client = WebSocketClient.builder().sslContext(TestCertificates.trusting(store)).build();
            WebSocketException e = assertThrows(WebSocketException.class, () -> client.connect(server.secureUrl("/")));
            assertTrue(e.getMessage().contains("TLS handshake with 127.0.0.1:" + server.port()), e.getMessage());
            assertInstanceOf(SSLHandshakeException.class, e.getCause());
            assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
            server.awaitScript();
        }
    }

    @Test
    void untrustedCertificateIsRejectedByTheDefaultContext() throws Exception {
        KeyStore store = TestCertificates.forLoopback();
        try (ScriptedServer server = ScriptedServer.start(TestCertificates.serverSocket(store), (socket, in, out) -> {
            try {
                ((SSLSocket) socket).startHandshake();
                in.read();
            } catch (IOException expected) {
                // the client aborts the handshake
            }
        })) {
            WebSocketException e = assertThrows(WebSocketException.class,
                    () -> WebSocketClient.create().connect(server.secureUrl("/")));
            assertInstanceOf(SSLHandshakeException.class, e.getCause());
            server.awaitScript();
        }
    }
}
