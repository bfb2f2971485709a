package dev.tether.conformance;

import dev.tether.WebSocketHandler;
import dev.tether.conformance.wire.AcceptKeys;
import dev.tether.conformance.wire.HttpHead;
import dev.tether.conformance.wire.RawConnection;
import dev.tether.conformance.wire.Transcript;
import dev.tether.protocol.handshake.OriginPolicy;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.servlet.TetherServlet;
import dev.tether.testing.EmbeddedContainer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tether's server on one embedded container, with the echo handler on every {@link EndpointKind}'s path.
 * The handler is the echo of the brief, {@code ws -> ws.runWith(ws::sendMessage)}, observed: what
 * {@code runWith} returned or threw is recorded under the run id in the request's query, so a case can
 * check what the application saw.
 */
final class ServerUnderTest implements AutoCloseable {

    private static final AtomicLong RUNS = new AtomicLong();

    private final EmbeddedContainer container;
    private final TetherServlet servlet;
    private final Map<String, CompletableFuture<ApiOutcome>> outcomes = new ConcurrentHashMap<>();

    private ServerUnderTest(EmbeddedContainer.Kind kind) {
        EndpointRegistry registry = new EndpointRegistry();
        for (EndpointKind e : EndpointKind.values()) {
            registry.register(new Endpoint(e.path(), recordingEcho(), e.config(), e.subprotocols(), OriginPolicy.sameOrigin()));
        }
        this.servlet = new TetherServlet(registry);
        this.container = kind.start(servlet);
    }

    static ServerUnderTest start(EmbeddedContainer.Kind kind) {
        return new ServerUnderTest(kind);
    }

    String name() {
        return container.kind().name().toLowerCase();
    }

    private WebSocketHandler recordingEcho() {
        return ws -> {
            CompletableFuture<ApiOutcome> outcome = outcome(runId(ws.query()));
            try {
                ws.runWith(ws::sendMessage);
                outcome.complete(ApiOutcome.returned(ws.closeStatus()));
            } catch (Exception | Error e) {
                outcome.complete(ApiOutcome.thrown(e));
                throw e;
            }
        };
    }

    private static String runId(String query) {
        if (query == null) return "none";
        for (String part : query.split("&")) {
            if (part.startsWith("run=")) return part.substring(4);
        }
        return "none";
    }

    CompletableFuture<ApiOutcome> outcome(String runId) {
        return outcomes.computeIfAbsent(runId, k -> new CompletableFuture<>());
    }

    /** Whether a handler ever ran for this run id. */
    boolean handlerRan(String runId) {
        return outcomes.containsKey(runId);
    }

    String newRunId() {
        return "r" + RUNS.incrementAndGet();
    }

    /** The server-side facilities for one run. */
    ServerAccess access(String runId) {
        return new ServerAccess() {
            @Override
            public int port() {
                return container.port();
            }

            @Override
            public String name() {
                return ServerUnderTest.this.name();
            }

            @Override
            public String runId() {
                return runId;
            }

            @Override
            public String hostHeader() {
                return "127.0.0.1:" + container.port();
            }

            @Override
            public String requestTarget(EndpointKind endpoint) {
                return endpoint.path() + "?run=" + runId;
            }

            @Override
            public Socket openSocket() throws IOException {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", container.port()), 5000);
                s.setTcpNoDelay(true);
                return s;
            }

            @Override
            public RawConnection connect(EndpointKind endpoint, Transcript transcript) throws IOException {
                Socket s = openSocket();
                BufferedInputStream in = new BufferedInputStream(s.getInputStream());
                // A run id of its own: what its application sees must not be taken for the case's connection.
                handshake(s, in, endpoint.path() + "?run=" + runId + "-extra" + RUNS.incrementAndGet(), hostHeader(), transcript);
                return new RawConnection(s, in, true, transcript);
            }

            @Override
            public int openConnections() {
                return servlet.openConnections();
            }
        };
    }

    /** A correct client handshake; fails unless the answer is a correct 101. */
    static void handshake(Socket s, BufferedInputStream in, String target, String host, Transcript transcript) throws IOException {
        String key = AcceptKeys.newKey();
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        transcript.add("→ GET " + target + " (opening handshake)");
        HttpHead response = HttpHead.read(in);
        transcript.add("← " + response);
        if (response.status() != 101) throw new AssertionError("opening handshake refused: " + response + transcript);
        if (!AcceptKeys.accept(key).equals(response.header("Sec-WebSocket-Accept"))) {
            throw new AssertionError("wrong Sec-WebSocket-Accept in " + response + transcript);
        }
        if (!response.headerHasToken("Upgrade", "websocket") || !response.headerHasToken("Connection", "upgrade")) {
            throw new AssertionError("101 without Upgrade: websocket / Connection: Upgrade: " + response + transcript);
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
