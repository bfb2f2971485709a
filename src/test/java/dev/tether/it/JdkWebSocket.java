package dev.tether.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * The JDK's {@code java.net.http} WebSocket client (a peer nobody here wrote), with whole messages and
 * pongs queued for the test to take.
 */
final class JdkWebSocket implements WebSocket.Listener, AutoCloseable {

    /** How the connection ended, as the JDK client saw it: a close frame's code, or an error. */
    record Ending(int code, String reason, Throwable error) {
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Ending> ended = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket webSocket;

    private JdkWebSocket() {
    }

    static JdkWebSocket connect(URI uri) throws Exception {
        return connect(uri, null, null);
    }

    /**
     * @param tls the context for wss, or null for the default
     * @param origin an Origin header as a browser would send, or null for none
     */
    static JdkWebSocket connect(URI uri, SSLContext tls, String origin) throws Exception {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) http.sslContext(tls);
        JdkWebSocket client = new JdkWebSocket();
        WebSocket.Builder builder = http.build().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) builder.header("Origin", origin);
        client.webSocket = builder.buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    void sendText(String message) throws Exception {
        webSocket.sendText(message, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** One text message in several frames: every part but the last is sent with {@code last = false}. */
    void sendTextFrames(String... parts) throws Exception {
        for (int i = 0; i < parts.length; i++) {
            webSocket.sendText(parts[i], i == parts.length - 1).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    void sendPing(byte[] payload) throws Exception {
        webSocket.sendPing(ByteBuffer.wrap(payload)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next whole text message. */
    String nextText() throws Exception {
        Object message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) throw new TimeoutException("no message within " + WAIT.toSeconds() + " s; ended: " + ended);
        if (message instanceof Throwable) throw new AssertionError("the JDK client failed", (Throwable) message);
        if (!(message instanceof String)) throw new AssertionError("expected text, got " + ((byte[]) message).length + " bytes");
        return (String) message;
    }

    /** The payload of the next pong. */
    byte[] nextPong() throws Exception {
        byte[] pong = pongs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (pong == null) throw new TimeoutException("no pong within " + WAIT.toSeconds() + " s");
        return pong;
    }

    /** Closes normally and waits for the server's close frame. */
    Ending closeNormally() throws Exception {
        webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
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
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        webSocket.request(1); // the JDK answers with the pong itself
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended.complete(new Ending(statusCode, reason, null));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        messages.add(error);
        ended.complete(new Ending(1006, "", error));
    }

    @Override
    public void close() {
        if (webSocket != null) webSocket.abort();
    }
}
