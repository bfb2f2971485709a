package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import dev.tether.WebSocket;
import dev.tether.client.WebSocketClient;
import dev.tether.testing.JdkClient;
import dev.tether.testing.RawWebSocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every container must do with the demo WAR deployed unchanged at {@value #CONTEXT}: the three demos
 * through Tether's client and the JDK's, a strict subset of the conformance cases on a bare socket, and
 * Tether's connection log where the deployment guide says it is. One server per container, started before
 * and stopped after all of them; a server that does not start fails every check, with its log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class DeployedDemoChecks {

    static final String CONTEXT = "/tether";
    private static final Duration READ = Duration.ofSeconds(20);

    StandaloneServer server;

    /** Starts the container with the demo WAR deployed at {@value #CONTEXT}. */
    abstract StandaloneServer startServer() throws Exception;

    @BeforeAll
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void start() throws Exception {
        server = startServer();
        System.out.println("[containers] " + server + " ready after " + server.readyAfter().toMillis() + " ms");
    }

    @AfterAll
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void stop() {
        if (server == null) return;
        try {
            ContainersReport.record(server);
        } finally {
            server.close();
        }
    }

    URI ws(String endpoint) {
        return server.ws(CONTEXT + endpoint);
    }

    // ---- the demos ----

    @Test
    void echoThroughTethersClient() throws Exception {
        try (WebSocket ws = tetherClient(ws("/ws-echo"))) {
            ws.sendMessage("hello from Tether on " + server.name());
            assertEquals("hello from Tether on " + server.name(), ws.readMessage(READ).text(), server.diagnostics());
            byte[] bytes = {0, 1, 2, (byte) 0xFF};
            ws.sendMessage(bytes);
            Message echoed = ws.readMessage(READ);
            assertTrue(echoed.isBinary());
            assertArrayEquals(bytes, echoed.bytes());
        }
    }

    @Test
    void echoThroughTheJdkClient() throws Exception {
        try (JdkClient ws = JdkClient.connect(ws("/ws-echo"))) {
            ws.sendText("hello from the JDK on " + server.name() + " \u00e9\u4e16\ud83d\ude00");
            assertEquals("hello from the JDK on " + server.name() + " \u00e9\u4e16\ud83d\ude00", ws.nextText());
            assertEquals(1000, ws.closeNormally().code());
        }
    }

    @Test
    void statusPushesJvmStatisticsEverySecond() throws Exception {
        try (WebSocket tether = tetherClient(ws("/ws-status")); JdkClient jdk = JdkClient.connect(ws("/ws-status"))) {
            JsonObject first = json(tether.readMessage(READ).text());
            JsonObject second = json(tether.readMessage(READ).text());
            long apart = second.getJsonNumber("timestamp").longValue() - first.getJsonNumber("timestamp").longValue();
            assertTrue(apart >= 500 && apart <= 5_000, "about a second apart: " + apart + " ms");
            assertTrue(second.getJsonNumber("openWebSockets").longValue() >= 1, second.toString());
            JsonObject fromJdk = json(jdk.nextText());
            assertTrue(fromJdk.containsKey("heapUsedBytes"), fromJdk.toString());
        }
    }

    @Test
    void chatroomBetweenTethersClientAndTheJdks() throws Exception {
        try (WebSocket alice = tetherClient(ws("/ws-chatroom?name=alice"))) {
            assertEquals("join alice", summary(alice.readMessage(READ).text()));
            try (JdkClient bob = JdkClient.connect(ws("/ws-chatroom?name=bob"))) {
                assertEquals("join bob", summary(bob.nextText()));
                assertEquals("join bob", summary(alice.readMessage(READ).text()));
                alice.sendMessage("hi bob");
                assertEquals("message alice: hi bob", summary(alice.readMessage(READ).text()));
                assertEquals("message alice: hi bob", summary(bob.nextText()));
                bob.sendText("hi alice");
                assertEquals("message bob: hi alice", summary(bob.nextText()));
                assertEquals("message bob: hi alice", summary(alice.readMessage(READ).text()));
                bob.closeNormally();
            }
            assertEquals("leave bob", summary(alice.readMessage(READ).text()));
        }
    }

    // ---- a strict subset of the conformance cases, on a bare socket ----

    @Test
    void invalidUtf8FailsTheConnectionWith1007() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(ws("/ws-echo"))) {
            raw.send(true, RawWebSocket.TEXT, new byte[] {'o', 'k', (byte) 0xC3, 0x28}); // 0xC3 needs a continuation byte
            assertEquals(1007, raw.awaitCloseAndEnd());
        }
    }

    @Test
    void reservedOpcodeFailsTheConnectionWith1002() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(ws("/ws-echo"))) {
            raw.send(true, 0x3, new byte[0]);
            assertEquals(1002, raw.awaitCloseAndEnd());
        }
    }

    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {999, 1005, 1015, 2999})
    void forbiddenCloseCodeFailsTheConnectionWith1002(int code) throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(ws("/ws-echo"))) {
            raw.sendClose(code);
            assertEquals(1002, raw.awaitCloseAndEnd());
        }
    }

    @Test
    void lengthWithTheTopBitSetFailsTheConnectionWith1002() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(ws("/ws-echo"))) {
            // Binary frame, masked, 64-bit length 0x8000000000000000: RFC 6455 §5.2 requires the top bit 0.
            raw.sendRaw(new byte[] {(byte) 0x82, (byte) 0xFF, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4});
            assertEquals(1002, raw.awaitCloseAndEnd());
        }
    }

    @Test
    void pingIsAnsweredWithAPongCarryingItsPayload() throws Exception {
        byte[] payload = "are you there?".getBytes(StandardCharsets.UTF_8);
        try (RawWebSocket raw = RawWebSocket.open(ws("/ws-echo"))) {
            raw.send(true, RawWebSocket.PING, payload);
            RawWebSocket.Frame pong = raw.read();
            assertEquals(RawWebSocket.PONG, pong.opcode(), pong.toString());
            assertArrayEquals(payload, pong.payload());
            raw.sendClose(1000);
            assertEquals(1000, raw.awaitCloseAndEnd());
        }
        try (JdkClient jdk = JdkClient.connect(ws("/ws-echo"))) {
            jdk.sendPing(payload);
            assertArrayEquals(payload, jdk.nextPong());
        }
        try (WebSocket tether = tetherClient(ws("/ws-echo"))) {
            tether.ping(); // the pong is handled inside; the connection must carry on
            tether.sendMessage("after the ping");
            assertEquals("after the ping", tether.readMessage(READ).text());
        }
    }

    @Test
    void fragmentedTextIsEchoedWhole() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(ws("/ws-echo"))) {
            raw.send(false, RawWebSocket.TEXT, "frag".getBytes(StandardCharsets.UTF_8));
            raw.send(true, RawWebSocket.PING, new byte[] {7}); // a control frame between fragments is allowed
            raw.send(false, RawWebSocket.CONTINUATION, "men".getBytes(StandardCharsets.UTF_8));
            raw.send(true, RawWebSocket.CONTINUATION, "ted".getBytes(StandardCharsets.UTF_8));
            RawWebSocket.Frame pong = raw.read();
            assertEquals(RawWebSocket.PONG, pong.opcode(), pong.toString());
            RawWebSocket.Frame echo = raw.read();
            assertEquals(RawWebSocket.TEXT, echo.opcode(), echo.toString());
            assertTrue(echo.fin());
            assertEquals("fragmented", echo.text());
        }
        try (JdkClient jdk = JdkClient.connect(ws("/ws-echo"))) {
            jdk.sendTextFrames("in ", "three ", "frames");
            assertEquals("in three frames", jdk.nextText());
        }
        try (WebSocket tether = tetherClient(ws("/ws-echo"))) {
            tether.sendTextFrames(List.of("sent ", "as ", "four ", "frames"));
            assertEquals("sent as four frames", tether.readMessage(READ).text());
        }
    }

    @Test
    void theContainerServesThePagesBesideTheEndpoints() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(server.http(CONTEXT + "/"))
                .timeout(READ).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<title>Tether demos</title>"), index.body());
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(server.http(CONTEXT + "/assets/tether.js"))
                .timeout(READ).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode());
    }

    // ---- operations ----

    @Test
    void connectionsAreLoggedAtFineWhereTheGuideSays() throws Exception {
        try (WebSocket ws = tetherClient(ws("/ws-echo?logged=yes"))) {
            ws.sendMessage("log me");
            ws.readMessage(READ);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // Tomcat's file handler writes asynchronously
        while (true) {
            String log = Logs.read(server.connectionLog());
            if (log != null && log.contains("WebSocket opened") && log.contains("WebSocket closed")) return;
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no dev.tether.connections lines in " + server.connectionLog() + "\n"
                        + Logs.tail(server.connectionLog(), 40));
            }
            Thread.sleep(200);
        }
    }

    static WebSocket tetherClient(URI uri) throws Exception {
        return WebSocketClient.builder().connectTimeout(Duration.ofSeconds(10)).build().connect(uri);
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A chat event in short: {@code join alice}, {@code message alice: hi}, {@code leave bob}. */
    static String summary(String event) {
        JsonObject o = json(event);
        String type = o.getString("type");
        switch (type) {
            case "message":
                return "message " + o.getString("name") + ": " + o.getString("text");
            case "join":
            case "leave":
                return type + " " + o.getString("name");
            default:
                return type + " " + o;
        }
    }
}
