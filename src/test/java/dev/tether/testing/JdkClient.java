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
import java.util.concurrent.TimeoutException;

/**
 * The JDK's {@code java.net.http} WebSocket client, a peer nobody here wrote, with its partial
 * messages assembled into whole ones and queued for the test to take.
 */
public final class JdkClient implements WebSocket.Listener, AutoCloseable {

    /** How the server closed, as the client saw it. */
    public record Close(int code, String reason) {
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket webSocket;

    private JdkClient() {
    }

    public static JdkClient connect(EmbeddedContainer container, String path) throws Exception {
        return connect(container, path, null);
    }

    /** Connects, with an extra request header when {@code header} is {@code {name, value}}. */
    public static JdkClient connect(EmbeddedContainer container, String path, String[] header) throws Exception {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (container.secure()) http.sslContext(TestTls.clientContext());
        JdkClient client = new JdkClient();
        WebSocket.Builder builder = http.build().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (header != null) builder.header(header[0], header[1]);
        URI uri = container.uri(path);
        client.webSocket = builder.buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    public WebSocket webSocket() {
        return webSocket;
    }

    public void sendText(String text) throws Exception {
        webSocket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
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
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null; // the JDK answers with a close frame of its own
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        messages.add(error);
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (webSocket != null) webSocket.abort();
    }

    private static String describe(Object m) {
        return m instanceof byte[] ? "binary (" + ((byte[]) m).length + " bytes)"
                : "text: " + new String(String.valueOf(m).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
