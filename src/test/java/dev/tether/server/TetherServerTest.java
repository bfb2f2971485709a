package dev.tether.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Tether;
import dev.tether.testing.TestTls;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The embedded server: start on a free port, serve, close with 1001. */
class TetherServerTest {

    /** A JDK client that records text messages and the close code. */
    static final class Client implements WebSocket.Listener {
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        WebSocket ws;

        static Client connect(URI uri, SSLContext tls) throws Exception {
            HttpClient.Builder http = HttpClient.newBuilder();
            if (tls != null) http.sslContext(tls);
            Client c = new Client();
            c.ws = http.build().newWebSocketBuilder().buildAsync(uri, c).get(10, TimeUnit.SECONDS);
            return c;
        }

        String echo(String text) throws Exception {
            ws.sendText(text, true).get(10, TimeUnit.SECONDS);
            return texts.poll(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            texts.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }

    @Test
    void servesOnAFreePortAndStops() throws Exception {
        TetherServer server = Tether.server().host("127.0.0.1").port(0)
                .endpoint("/ws-echo", ws -> ws.runWith(ws::sendMessage)).start();
        int port = server.port();
        try {
            assertTrue(port > 0);
            assertEquals(URI.create("ws://127.0.0.1:" + port + "/ws-echo"), server.uri("/ws-echo"));
            Client client = Client.connect(server.uri("/ws-echo"), null);
            assertEquals("hello", client.echo("hello"));
            client.ws.sendClose(1000, "").get(10, TimeUnit.SECONDS);
            assertEquals(1000, client.closeCode.get(10, TimeUnit.SECONDS));
        } finally {
            server.close();
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void closeSaysGoingAwayToEveryOpenWebSocket() throws Exception {
        TetherServer server = Tether.server().host("127.0.0.1")
                .endpoint("/ws-echo", ws -> ws.runWith(ws::sendMessage)).start();
        List<Client> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Client c = Client.connect(server.uri("/ws-echo"), null);
                assertEquals("hi " + i, c.echo("hi " + i));
                clients.add(c);
            }
            assertEquals(3, server.openConnections());
        } finally {
            server.close();
        }
        for (Client c : clients) assertEquals(1001, c.closeCode.get(10, TimeUnit.SECONDS));
        assertEquals(0, server.openConnections());
        server.close(); // idempotent
    }

    @Test
    void aStarPathServesEveryPath() throws Exception {
        try (TetherServer server = Tether.server().host("127.0.0.1").endpoint("/*", ws -> ws.sendMessage(ws.path())).start()) {
            for (String path : new String[] {"/", "/anything", "/deep/er/path"}) {
                Client client = Client.connect(server.uri(path), null);
                assertEquals(path, client.texts.poll(10, TimeUnit.SECONDS));
                assertEquals(1000, client.closeCode.get(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void servesWssWithAnSslContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TestTls.keystore())) {
            keys.load(in, TestTls.PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, TestTls.PASSWORD.toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        try (TetherServer server = Tether.server().host("127.0.0.1").tls(serverTls)
                .endpoint("/secure", ws -> ws.runWith(ws::sendMessage)).start()) {
            assertEquals("wss", server.uri("/secure").getScheme());
            Client client = Client.connect(server.uri("/secure"), TestTls.clientContext());
            assertEquals("over TLS", client.echo("over TLS"));
        }
    }

    @Test
    void aPlainHttpRequestGets426() throws Exception {
        try (TetherServer server = Tether.server().host("127.0.0.1").endpoint("/ws", ws -> { }).start()) {
            var response = HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ws")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(426, response.statusCode());
            assertEquals("websocket", response.headers().firstValue("upgrade").orElse(null));
        }
    }

    @Test
    void aServerWithoutEndpointsDoesNotStart() {
        assertThrows(IllegalStateException.class, () -> Tether.server().host("127.0.0.1").start());
    }

    @Test
    void aTakenPortIsReportedAsSuch() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Tether.server().host("127.0.0.1")
                    .port(taken.getLocalPort()).endpoint("/ws", ws -> { }).start());
            assertTrue(e.getMessage().contains(Integer.toString(taken.getLocalPort())), e.getMessage());
        }
    }

    @Test
    void beyondMaxConnectionsTheHandshakeGets503() throws Exception {
        try (TetherServer server = Tether.server().host("127.0.0.1").maxConnections(1)
                .endpoint("/ws", ws -> ws.runWith(ws::sendMessage)).start()) {
            Client first = Client.connect(server.uri("/ws"), null);
            assertEquals("first", first.echo("first"));
            ExecutionException e = assertThrows(ExecutionException.class, () -> Client.connect(server.uri("/ws"), null));
            java.net.http.WebSocketHandshakeException refused = (java.net.http.WebSocketHandshakeException) e.getCause();
            assertEquals(503, refused.getResponse().statusCode());
            assertEquals("5", refused.getResponse().headers().firstValue("retry-after").orElse(null));
        }
    }

    @Test
    void aConnectionToAnUnknownPathIsRefused() throws Exception {
        try (TetherServer server = Tether.server().host("127.0.0.1").endpoint("/ws", ws -> { }).start()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> Client.connect(server.uri("/other"), null));
            java.net.http.WebSocketHandshakeException refused = (java.net.http.WebSocketHandshakeException) e.getCause();
            assertEquals(404, refused.getResponse().statusCode());
        }
    }
}
