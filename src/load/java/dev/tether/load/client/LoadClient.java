package dev.tether.load.client;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: WebSocket connections on one {@link Selector} thread, with its own handshake and
 * masked frames (nothing of Tether's, so the library under test is only on the server side).
 *
 * <p>Every method is called from the driver's thread; the work runs on the selector thread, which owns
 * all state. A workload ({@link #startEcho}, {@link #startBroadcast}) keeps messages in flight until
 * {@link #stopSending()}; {@link #stats()} reads the counters, {@link #resetStats()} starts a measurement.
 */
public final class LoadClient implements AutoCloseable, Connection.Sink {

    private static final String KEY = Base64.getEncoder().encodeToString("tether-load-key!".getBytes(StandardCharsets.US_ASCII));
    private static final String ACCEPT = accept(KEY);
    /** Bigger messages are sent from a shared direct template instead of being copied per send. */
    private static final int COPY_LIMIT = 64 * 1024;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private final List<Connection> connections = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile boolean running = true;

    // ---- opening (selector thread)
    private InetSocketAddress target;
    private String path;
    private int toOpen;
    private int started;
    private int pending;
    private int maxPending;
    private int failed;
    private CompletableFuture<Integer> opened;

    // ---- workload (selector thread)
    private enum Mode { NONE, ECHO, BROADCAST }

    private Mode mode = Mode.NONE;
    private boolean sending;
    private boolean verify;
    private int messageSize;
    private int window;
    private byte[] smallTemplate;
    private ByteBuffer bigTemplate;
    private int headerLength;
    private Connection sender;
    private int roomSize;
    private int[] deliveries;
    private long broadcastInFlight;
    private long nextBroadcast;

    // ---- statistics (selector thread)
    private Stats stats = new Stats();
    private int reported;

    public LoadClient() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::loop, "load-client");
        thread.setDaemon(true);
        thread.start();
    }

    // ================================================================ driver API

    /**
     * Opens {@code count} connections to {@code path}, at most {@code maxPending} handshakes at a time, and
     * returns how many opened. Beyond 1,000 connections they come from 127.0.0.2 to 127.0.0.9 in turn,
     * so that ephemeral ports do not run out.
     */
    public int open(InetSocketAddress server, String path, int count, int maxPending, Duration timeout) throws Exception {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        run(() -> {
            this.target = server;
            this.path = path;
            this.toOpen = count;
            this.started = 0;
            this.pending = 0;
            this.failed = 0;
            this.maxPending = maxPending;
            this.opened = done;
            connectMore();
            checkOpened();
        });
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return call(() -> {
                opened = null;
                return openCount();
            });
        }
    }

    /** Echo: every connection keeps {@code inFlight} messages of {@code size} bytes in flight. */
    public void startEcho(int size, int inFlight, boolean verifyContent) throws Exception {
        call(() -> {
            prepare(size, verifyContent);
            mode = Mode.ECHO;
            window = inFlight;
            sending = true;
            for (Connection c : connections) {
                if (c.state != Connection.State.OPEN) continue;
                if (size <= COPY_LIMIT) c.reserve(inFlight * (headerLength + size));
                for (int i = 0; i < inFlight; i++) send(c);
                flush(c);
            }
            return null;
        });
    }

    /**
     * Broadcast: the first connection sends messages of {@code size} bytes, the server delivers each to
     * every connection (the sender's too); a message counts as done when all have it, and {@code window}
     * messages may be undone at once.
     */
    public void startBroadcast(int size, int window) throws Exception {
        call(() -> {
            prepare(size, false);
            mode = Mode.BROADCAST;
            this.window = window;
            roomSize = openCount();
            deliveries = new int[window * 4];
            broadcastInFlight = 0;
            nextBroadcast = 0;
            sender = connections.stream().filter(c -> c.state == Connection.State.OPEN).findFirst().orElseThrow();
            sender.reserve(window * (headerLength + size));
            sending = true;
            for (int i = 0; i < window; i++) sendBroadcast();
            flush(sender);
            return null;
        });
    }

    /** Stops starting new messages; those in flight still arrive. */
    public void stopSending() throws Exception {
        call(() -> {
            sending = false;
            return null;
        });
    }

    /** Waits until no message is in flight; true when that happened within the timeout. */
    public boolean awaitQuiet(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (call(this::inFlight) == 0) return true;
            Thread.sleep(20);
        }
        return false;
    }

    public void resetStats() throws Exception {
        long cpu = threadCpu();
        call(() -> {
            stats = new Stats();
            stats.startNanos = System.nanoTime();
            stats.startThreadCpu = cpu;
            return null;
        });
    }

    /** A copy of the counters since the last reset. */
    public Stats stats() throws Exception {
        long cpu = threadCpu();
        return call(() -> {
            Stats copy = stats.copy();
            copy.endNanos = System.nanoTime();
            copy.endThreadCpu = cpu;
            copy.inFlight = inFlight();
            copy.open = openCount();
            return copy;
        });
    }

    /** Sends a close frame on every connection, waits for the server to close, then closes what is left. */
    public void closeAll(Duration timeout) throws Exception {
        call(() -> {
            sending = false;
            mode = Mode.NONE;
            sender = null;
            for (Connection c : connections) {
                if (c.state == Connection.State.OPEN) {
                    c.state = Connection.State.CLOSING;
                    ByteBuffer close = Frames.close(1000);
                    c.reserve(close.remaining());
                    c.out.put(close);
                    flush(c);
                } else if (c.state != Connection.State.CLOSED) {
                    closeChannel(c);
                }
            }
            return null;
        });
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && call(() -> connections.stream().anyMatch(c -> c.state != Connection.State.CLOSED))) {
            Thread.sleep(20);
        }
        call(() -> {
            for (Connection c : connections) closeChannel(c);
            connections.clear();
            return null;
        });
    }

    /** CPU time of the selector thread, in nanoseconds. */
    public long threadCpu() {
        return threads.getThreadCpuTime(thread.getId());
    }

    @Override
    public void close() throws Exception {
        closeAll(Duration.ofSeconds(2));
        running = false;
        selector.wakeup();
        thread.join(2000);
        selector.close();
    }

    // ================================================================ selector thread

    private void loop() {
        while (running) {
            try {
                selector.select(100);
                Runnable task;
                while ((task = tasks.poll()) != null) task.run();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection c = (Connection) key.attachment();
                    if (!key.isValid()) continue;
                    try {
                        if (key.isConnectable()) connected(c);
                        else {
                            if (key.isWritable()) flush(c);
                            if (key.isValid() && key.isReadable()) read(c);
                        }
                    } catch (IOException e) {
                        lost(c);
                    }
                }
            } catch (IOException | RuntimeException e) {
                e.printStackTrace();
            }
        }
    }

    private void run(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private <T> T call(Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        run(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private void connectMore() {
        while (started < toOpen && pending < maxPending) {
            int id = connections.size();
            started++;
            pending++;
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (toOpen > 1000) {
                    channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    channel.bind(new InetSocketAddress("127.0.0." + (2 + id % 8), 0));
                }
                Connection c = new Connection(id, channel);
                connections.add(c);
                c.key = channel.register(selector, SelectionKey.OP_CONNECT, c);
                if (channel.connect(target)) connected(c);
            } catch (IOException e) {
                pending--;
                failed++;
            }
        }
    }

    private void connected(Connection c) throws IOException {
        c.channel.finishConnect();
        c.state = Connection.State.HANDSHAKING;
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + target.getHostString() + ":" + target.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + KEY
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        c.out.put(request.getBytes(StandardCharsets.US_ASCII));
        c.key.interestOps(SelectionKey.OP_READ);
        flush(c);
    }

    private void read(Connection c) throws IOException {
        while (true) {
            readBuffer.clear();
            int n = c.channel.read(readBuffer);
            if (n < 0) {
                if (c.state == Connection.State.CLOSING) {
                    closeChannel(c);
                } else {
                    lost(c);
                }
                return;
            }
            if (n == 0) return;
            readBuffer.flip();
            if (c.state == Connection.State.HANDSHAKING && !handshake(c)) return;
            if (c.state == Connection.State.CLOSED) return;
            if (readBuffer.hasRemaining()) c.parse(readBuffer, this, verify);
            // Replies queued while parsing go out in one write per read, not one per message.
            if (c.hasOutput()) flush(c);
            if (sender != null && sender != c && sender.hasOutput()) {
                try {
                    flush(sender);
                } catch (IOException e) {
                    lost(sender);
                }
            }
            if (c.state == Connection.State.CLOSED || n < readBuffer.capacity()) return;
        }
    }

    /** Reads the 101 response; true when it is complete (the rest of the buffer is frames). */
    private boolean handshake(Connection c) {
        while (readBuffer.hasRemaining()) {
            c.response.append((char) (readBuffer.get() & 0xFF));
            int l = c.response.length();
            if (l >= 4 && c.response.charAt(l - 1) == '\n' && c.response.charAt(l - 2) == '\r'
                    && c.response.charAt(l - 3) == '\n' && c.response.charAt(l - 4) == '\r') {
                String head = c.response.toString();
                c.response = null;
                pending--;
                if (head.startsWith("HTTP/1.1 101") && head.contains(ACCEPT)) {
                    c.state = Connection.State.OPEN;
                    stats.opened++;
                } else {
                    failed++;
                    if (failed <= 3) System.err.println("handshake refused: " + head.lines().findFirst().orElse(""));
                    closeChannel(c);
                }
                connectMore();
                checkOpened();
                return true;
            }
        }
        return false;
    }

    private void checkOpened() {
        if (opened != null && started == toOpen && pending == 0) {
            CompletableFuture<Integer> f = opened;
            opened = null;
            f.complete(openCount());
        }
    }

    private void flush(Connection c) throws IOException {
        if (c.state == Connection.State.CLOSED) return;
        boolean done = c.write();
        int ops = SelectionKey.OP_READ | (done ? 0 : SelectionKey.OP_WRITE);
        if (c.key.interestOps() != ops) c.key.interestOps(ops);
    }

    private void lost(Connection c) {
        if (c.state == Connection.State.CLOSED) return;
        if (c.state == Connection.State.OPEN) {
            stats.unexpectedCloses++;
            report(c, "lost without a close frame (end of stream or reset)");
        }
        if (c.state == Connection.State.HANDSHAKING || c.state == Connection.State.CONNECTING) {
            pending--;
            failed++;
            closeChannel(c);
            connectMore();
            checkOpened();
            return;
        }
        closeChannel(c);
    }

    private void closeChannel(Connection c) {
        if (c.state == Connection.State.CLOSED) return;
        c.state = Connection.State.CLOSED;
        c.key.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private int openCount() {
        int n = 0;
        for (Connection c : connections) if (c.state == Connection.State.OPEN) n++;
        return n;
    }

    private long inFlight() {
        if (mode == Mode.BROADCAST) return broadcastInFlight;
        long n = 0;
        for (Connection c : connections) if (c.state == Connection.State.OPEN) n += c.inFlight;
        return n;
    }

    // ---- workloads

    private void prepare(int size, boolean verifyContent) {
        if (size < Frames.HEAD) throw new IllegalArgumentException("messages carry 16 bytes of sequence and time: " + size);
        messageSize = size;
        verify = verifyContent;
        headerLength = Frames.headerLength(size);
        if (size <= COPY_LIMIT) {
            smallTemplate = Frames.binaryTemplate(size);
            bigTemplate = null;
        } else {
            bigTemplate = Frames.directTemplate(size);
            smallTemplate = null;
        }
    }

    /** Queues the next message of an echo (not yet written: the caller flushes). */
    private void send(Connection c) {
        long sequence = c.nextSequence++;
        queue(c, sequence);
        c.inFlight++;
        stats.sent++;
    }

    private void queue(Connection c, long sequence) {
        long now = System.nanoTime();
        if (smallTemplate != null) {
            int start = c.out.position();
            c.reserve(smallTemplate.length);
            c.out.put(smallTemplate);
            Frames.patchHead(c.out, start + headerLength, sequence, now);
        } else {
            ByteBuffer head = ByteBuffer.allocate(headerLength + Frames.HEAD);
            head.put(bigTemplate.duplicate().limit(headerLength + Frames.HEAD));
            Frames.patchHead(head, headerLength, sequence, now);
            head.flip();
            c.big.add(head);
            c.big.add(bigTemplate.duplicate().position(headerLength + Frames.HEAD));
        }
    }

    private void sendBroadcast() {
        long sequence = nextBroadcast++;
        deliveries[(int) (sequence % deliveries.length)] = 0;
        queue(sender, sequence);
        broadcastInFlight++;
        stats.sent++;
    }

    @Override
    public void message(Connection c, long length, boolean corrupt) {
        long now = System.nanoTime();
        long sequence = c.sequenceOfMessage();
        long latency = now - c.timestampOfMessage();
        if (corrupt) stats.corrupt++;
        if (length != messageSize) stats.wrongLength++;
        if (sequence != c.expectedSequence) stats.outOfOrder++;
        c.expectedSequence = sequence + 1;
        stats.received++;
        stats.bytes += length;
        stats.latency.record(latency);
        if (mode == Mode.ECHO) {
            c.inFlight--;
            if (sending) send(c); // written once the read is parsed
        } else if (mode == Mode.BROADCAST) {
            int slot = (int) (sequence % deliveries.length);
            if (++deliveries[slot] == roomSize) {
                stats.lastDelivery.record(latency);
                stats.completedBroadcasts++;
                broadcastInFlight--;
                if (sending) sendBroadcast(); // written once the read is parsed
            }
        }
    }

    @Override
    public void ping(Connection c, byte[] payload, int length) {
        ByteBuffer pong = Frames.control(0xA, payload, length);
        c.reserve(pong.remaining());
        c.out.put(pong);
        stats.pings++;
    }

    @Override
    public void closeFrame(Connection c) {
        if (c.state == Connection.State.CLOSING) {
            closeChannel(c); // the server closes TCP too; no need to wait
            return;
        }
        stats.unexpectedCloses++;
        report(c, "closed by the server: " + c.closeStatus());
        closeChannel(c);
    }

    /** The first few connections that end unexpectedly are named on stderr, with how they ended. */
    private void report(Connection c, String how) {
        if (++reported <= 10) {
            System.err.println("connection " + c.id + " " + how + " after " + c.expectedSequence + " messages, "
                    + c.inFlight + " in flight, " + stats.pings + " pings answered in all");
        }
    }

    private static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
