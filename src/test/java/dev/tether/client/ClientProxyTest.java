package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** ws and wss through an HTTP proxy with CONNECT and Basic credentials. */
class ClientProxyTest {

    /** Upgrades, sends "hello" right after the 101, then waits for the client to hang up. */
    private static ScriptedServer upgradingServer(AtomicReference<RawHttp.Request> seen) throws Exception {
        return ScriptedServer.start((socket, in, out) -> {
            RawHttp.Request request = RawHttp.readRequest(in);
            seen.set(request);
            RawHttp.write(out, RawHttp.switching(request) + "hello");
            in.read();
        });
    }

    @Test
    void wsGoesThroughTheTunnelWithBasicCredentials() throws Exception {
        AtomicReference<RawHttp.Request> seen = new AtomicReference<>();
        try (ScriptedServer server = upgradingServer(seen);
             ConnectProxy proxy = new ConnectProxy("alice", "s3cret:é")) {
            WebSocketClient client = WebSocketClient.builder()
                    .proxy("127.0.0.1", proxy.port())
                    .proxyCredentials("alice", "s3cret:é")
                    .build();
            WebSocketClient.Handshaken h = client.handshake(WebSocketUri.parse(server.url("/through")));
            try {
                assertEquals("hello", new String(h.socket().in().readNBytes(5), StandardCharsets.US_ASCII));
            } finally {
                h.socket().closeNow();
            }
            RawHttp.Request connect = proxy.request();
            assertEquals("CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1", connect.requestLine());
            assertEquals("127.0.0.1:" + server.port(), connect.header("Host"));
            assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:s3cret:é".getBytes(StandardCharsets.UTF_8)),
                    connect.header("Proxy-Authorization"));
            server.awaitScript();
        }
        // The server sees the WebSocket request as if the client were direct.
        assertEquals("GET /through HTTP/1.1", seen.get().requestLine());
        assertTrue(seen.get().header("Host").startsWith("127.0.0.1:"), seen.get().header("Host"));
        assertNull(seen.get().header("Proxy-Authorization"), "credentials for the proxy must not reach the server");
    }

    @Test
    void wssRunsTlsOverTheTunnel() throws Exception {
        KeyStore store = TestCertificates.forLoopback();
        try (ScriptedServer server = ScriptedServer.start(TestCertificates.serverSocket(store), (socket, in, out) -> {
            RawHttp.Request request = RawHttp.readRequest(in);
            RawHttp.write(out, RawHttp.switching(request) + "secret");
            in.read();
        }); ConnectProxy proxy = new ConnectProxy(null, null)) {
            WebSocketClient client = WebSocketClient.builder()
                    .proxy("127.0.0.1", proxy.port())
                    .sslContext(TestCertificates.trusting(store))
                    .build();
            WebSocketClient.Handshaken h = client.handshake(WebSocketUri.parse(server.secureUrl("/tls")));
            try {
                assertInstanceOf(SSLSocket.class, h.socket().socket());
                assertEquals("secret", new String(h.socket().in().readNBytes(6), StandardCharsets.US_ASCII));
            } finally {
                h.socket().closeNow();
            }
            assertEquals("CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1", proxy.request().requestLine());
            assertNull(proxy.request().header("Proxy-Authorization"));
            server.awaitScript();
        }
    }

    @Test
    void proxyAskingForCredentialsIsAClearRefusal() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy("alice", "pw")) {
            WebSocketClient client = WebSocketClient.builder().proxy("127.0.0.1", proxy.port()).build();
            WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class,
                    () -> client.connect("ws://127.0.0.1:9/never"));
            assertEquals(407, e.status());
            assertEquals("who are you", e.body());
            assertTrue(e.getMessage().contains("proxy 127.0.0.1:" + proxy.port()), e.getMessage());
            assertTrue(e.getMessage().contains("proxyCredentials"), e.getMessage());
        }
    }

    @Test
    void wrongCredentialsAreRefused() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy("alice", "pw")) {
            WebSocketClient client = WebSocketClient.builder().proxy("127.0.0.1", proxy.port())
                    .proxyCredentials("alice", "wrong").build();
            WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class,
                    () -> client.connect("ws://127.0.0.1:9/never"));
            assertEquals(407, e.status());
            assertTrue(e.getMessage().contains("credentials refused"), e.getMessage());
        }
    }
}
