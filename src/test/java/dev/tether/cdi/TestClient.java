package dev.tether.cdi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client nobody here wrote: the JDK's, collecting what it receives. */
public final class TestClient implements AutoCloseable {

    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket webSocket;

    private TestClient(URI uri, String... subprotocols) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        webSocket = builder.buildAsync(uri, new Collector()).get(10, TimeUnit.SECONDS);
    }

    public static TestClient connect(URI uri, String... subprotocols) throws Exception {
        return new TestClient(uri, subprotocols);
    }

    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    public void send(String text) throws Exception {
        webSocket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** The next text message, waiting up to 10 s; null if none came. */
    public String next() throws InterruptedException {
        return texts.poll(10, TimeUnit.SECONDS);
    }

    /** The close code the server sent, waiting up to 10 s. */
    public int closeCode() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!webSocket.isOutputClosed()) {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        }
        try {
            closeCode.get(10, TimeUnit.SECONDS);
        } finally {
            webSocket.abort();
        }
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
