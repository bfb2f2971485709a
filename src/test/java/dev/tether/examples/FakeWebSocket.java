package dev.tether.examples;

import dev.tether.CloseStatus;
import dev.tether.Message;
import dev.tether.MessageHandler;
import dev.tether.WebSocket;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketHandler;
import dev.tether.WebSocketTimeoutException;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WebSocket} without a network, for handler tests: the test feeds incoming messages, reads what
 * was sent, and may hold every send until it opens the gate (a client that does not read).
 */
final class FakeWebSocket implements WebSocket {

    private static final Object CLOSED = new Object();

    private final String query;
    private final BlockingQueue<Object> incoming = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    private final CountDownLatch sendGate;
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile CloseStatus closeStatus;
    private volatile String closingThread;

    private FakeWebSocket(String query, boolean blockSends) {
        this.query = query;
        this.sendGate = new CountDownLatch(blockSends ? 1 : 0);
    }

    static FakeWebSocket open() {
        return new FakeWebSocket(null, false);
    }

    static FakeWebSocket withQuery(String query) {
        return new FakeWebSocket(query, false);
    }

    /** A peer that never reads: every send blocks until the connection is closed. */
    static FakeWebSocket neverReading() {
        return new FakeWebSocket(null, true);
    }

    /**
     * Runs {@code handler} on this connection on a thread of its own, as Tether does. Not on a pool: a
     * handler blocks for as long as its connection lasts.
     */
    CompletableFuture<Void> runHandler(WebSocketHandler handler) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                handler.handle(this);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "handler-of-fake-websocket");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** The client sends a message. */
    void receive(Message message) {
        incoming.add(message);
    }

    /** The client closes the connection. */
    void peerCloses() {
        close(1000, "");
    }

    /** The next message sent to the client, waiting up to 10 s; null when none came. */
    String nextSent() throws InterruptedException {
        return sent.poll(10, TimeUnit.SECONDS);
    }

    /** Every message sent so far, without waiting. */
    List<String> drainSent() {
        List<String> all = new ArrayList<>();
        sent.drainTo(all);
        return all;
    }

    boolean awaitClosed() throws InterruptedException {
        return closedLatch.await(10, TimeUnit.SECONDS);
    }

    String closingThread() {
        return closingThread;
    }

    @Override
    public void sendMessage(String text) throws IOException {
        try {
            sendGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (closeStatus != null) throw new WebSocketClosedException(closeStatus);
        sent.add(text);
    }

    @Override
    public void sendMessage(byte[] data) throws IOException {
        sendMessage("binary:" + data.length);
    }

    /** A peer that never reads has a full outbound buffer: nothing is queued. */
    @Override
    public boolean trySendMessage(String text) throws IOException {
        if (closeStatus != null) throw new WebSocketClosedException(closeStatus);
        if (sendGate.getCount() > 0) return false;
        sent.add(text);
        return true;
    }

    @Override
    public boolean trySendMessage(byte[] data) throws IOException {
        return trySendMessage("binary:" + data.length);
    }

    @Override
    public void sendMessage(Message message) throws IOException {
        sendMessage(message.isText() ? message.text() : "binary:" + message.bytes().length);
    }

    @Override
    public void sendTextFrames(Iterable<String> fragments) throws IOException {
        StringBuilder all = new StringBuilder();
        fragments.forEach(all::append);
        sendMessage(all.toString());
    }

    @Override
    public void sendByteFrames(Iterable<byte[]> fragments) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Message readMessage() throws IOException {
        return readMessage(Duration.ofDays(1));
    }

    @Override
    public Message readMessage(Duration timeout) throws IOException {
        Object next;
        try {
            next = incoming.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (next == null) throw new WebSocketTimeoutException("read timeout");
        if (next == CLOSED) {
            incoming.add(CLOSED);
            throw new WebSocketClosedException(closeStatus);
        }
        return (Message) next;
    }

    @Override
    public void runWith(MessageHandler handler) throws Exception {
        while (true) {
            Message message;
            try {
                message = readMessage();
            } catch (WebSocketClosedException e) {
                return;
            }
            handler.onMessage(message);
        }
    }

    @Override
    public void ping() {
    }

    @Override
    public void close() {
        close(1000, "");
    }

    @Override
    public synchronized void close(int code, String reason) {
        if (closeStatus != null) return;
        closeStatus = new CloseStatus(code, reason);
        closingThread = Thread.currentThread().getName();
        incoming.add(CLOSED);
        sendGate.countDown();
        closedLatch.countDown();
    }

    @Override
    public boolean isConnected() {
        return closeStatus == null;
    }

    @Override
    public CloseStatus closeStatus() {
        return closeStatus;
    }

    @Override
    public String path() {
        return "/fake";
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public Map<String, List<String>> headers() {
        return Map.of();
    }

    @Override
    public String header(String name) {
        return null;
    }

    @Override
    public List<HttpCookie> cookies() {
        return List.of();
    }

    @Override
    public Principal userPrincipal() {
        return null;
    }

    @Override
    public String subprotocol() {
        return null;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return null;
    }
}
