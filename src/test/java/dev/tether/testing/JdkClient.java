package dev.tether.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * The JDK's {@code java.net.http} WebSocket client, a peer nobody here wrote, with its partial
 * messages assembled into whole ones and pongs queued for the test to take.
 *
 * <p>Connect with {@link #connect(EmbeddedContainer, String)} to an embedded container, or with
 * {@link #connect(URI)} / {@link #to(URI)} to any address (a standalone server, nginx, a deployed web app).
 */
public final class JdkClient implements WebSocket.Listener, AutoCloseable {

    /** How the server closed, as the client saw it. */
    public record Close(int code, String reason) {
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final boolean closeNormallyOnClose;
    private WebSocket webSocket;

    private JdkClient(boolean closeNormallyOnClose) {
        this.closeNormallyOnClose = closeNormallyOnClose;
    }

    /** How to connect: TLS context, extra headers, offered subprotocols, and what {@link #close()} does. */
    public static final class Connector {
        private final URI uri;
        private final java.util.List<String[]> headers = new java.util.ArrayList<>();
        private SSLContext tls;
        private String[] subprotocols = new String[0];
        private boolean closeNormallyOnClose;

        private Connector(URI uri) {
            this.uri = uri;
        }

        /** The TLS context for wss (null: the JDK's default). */
        public Connector tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        /** An extra request header; a null value adds none (handy for "no Origin"). */
        public Connector header(String name, String value) {
            if (value != null) headers.add(new String[] {name, value});
            return this;
        }

        /** Subprotocols to offer, most preferred first. */
        public Connector subprotocols(String... offered) {
            this.subprotocols = offered.clone();
            return this;
        }

        /**
         * Makes {@link JdkClient#close()} end the connection properly (close 1000, wait for the server's close
         * frame) instead of dropping it, for tests whose server side should see a clean close.
         */
        public Connector closeNormallyOnClose() {
            this.closeNormallyOnClose = true;
            return this;
        }

        public JdkClient connect() throws Exception {
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
            if (tls != null) http.sslContext(tls);
            JdkClient client = new JdkClient(closeNormallyOnClose);
            WebSocket.Builder builder = http.build().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            for (String[] header : headers) builder.header(header[0], header[1]);
            if (subprotocols.length > 0) {
                builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
            }
            client.webSocket = builder.buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return client;
        }
    }

    /** Starts describing a connection to any ws:// or wss:// address. */
    public static Connector to(URI uri) {
        return new Connector(uri);
    }

    /** Connects to any ws:// address with no extras. */
    public static JdkClient connect(URI uri) throws Exception {
        return to(uri).connect();
    }

    public static JdkClient connect(EmbeddedContainer container, String path) throws Exception {
        return connect(container, path, null);
    }

    /** Connects, with an extra request header when {@code header} is {@code {name, value}}. */
    public static JdkClient connect(EmbeddedContainer container, String path, String[] header) throws Exception {
        Connector connector = to(container.uri(path));
        if (container.secure()) connector.tls(TestTls.clientContext());
        if (header != null) connector.header(header[0], header[1]);
        return connector.connect();
    }

    public WebSocket webSocket() {
        return webSocket;
    }

    /** The subprotocol the server chose, or "" for none. */
    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    public void sendText(String text) throws Exception {
        webSocket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** One text message in several frames: every part but the last is sent with {@code last = false}. */
    public void sendTextFrames(String... parts) throws Exception {
        for (int i = 0; i < parts.length; i++) {
            webSocket.sendText(parts[i], i == parts.length - 1).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    public void sendPing(byte[] payload) throws Exception {
        webSocket.sendPing(ByteBuffer.wrap(payload)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    public void sendBinary(byte[] bytes) throws Exception {
        webSocket.sendBinary(ByteBuffer.wrap(bytes), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends a close frame and waits until it is written. */
    public void sendClose(int code, String reason) throws Exception {
        webSocket.sendClose(code, reason).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next whole message: a String or a byte[]. */
    public Object next() throws Exception {
        Object message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) throw new TimeoutException("no message within " + WAIT + "; closed: " + closed);
        if (message instanceof Throwable) throw new AssertionError("client failed", (Throwable) message);
        return message;
    }

    public String nextText() throws Exception {
        Object m = next();
        if (!(m instanceof String)) throw new AssertionError("expected a text message, got " + describe(m));
        return (String) m;
    }

    public byte[] nextBinary() throws Exception {
        Object m = next();
        if (!(m instanceof byte[])) throw new AssertionError("expected a binary message, got " + describe(m));
        return (byte[]) m;
    }

    /** The payload of the next pong. */
    public byte[] nextPong() throws Exception {
        byte[] pong = pongs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (pong == null) throw new TimeoutException("no pong within " + WAIT);
        return pong;
    }

    /**
     * Closes with 1000 (unless the JDK already answered the server's close, which it does by itself) and
     * waits for the server's close frame.
     */
    public Close closeNormally() throws Exception {
        if (!webSocket.isOutputClosed()) {
            try {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // The server closed first and the JDK answered it in the meantime: nothing left to close.
                if (!webSocket.isOutputClosed()) throw e;
            }
        }
        return awaitClose();
    }

    /** Waits for the server's close frame. */
    public Close awaitClose() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.write(chunk, 0, chunk.length);
        if (last) {
            messages.add(binary.toByteArray());
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] payload = new byte[message.remaining()];
        message.get(payload);
        pongs.add(payload);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null; // the JDK answers with a close frame of its own
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        messages.add(error);
        closed.completeExceptionally(error);
    }

    /** Drops the connection, or first closes it normally if the connector asked for that. */
    @Override
    public void close() {
        if (webSocket == null) return;
        try {
            if (closeNormallyOnClose) closeNormally();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while closing normally", e);
        } catch (Exception e) {
            // A normal close that fails (no close frame back, an error) fails the test, as it always did.
            throw new AssertionError("closing normally failed", e);
        } finally {
            webSocket.abort();
        }
    }

    private static String describe(Object m) {
        return m instanceof byte[] ? "binary (" + ((byte[]) m).length + " bytes)"
                : "text: " + new String(String.valueOf(m).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
