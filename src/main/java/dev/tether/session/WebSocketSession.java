package dev.tether.session;

import dev.tether.CloseCodes;
import dev.tether.CloseStatus;
import dev.tether.Message;
import dev.tether.MessageHandler;
import dev.tether.WebSocket;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketConfig;
import dev.tether.WebSocketException;
import dev.tether.WebSocketFailedException;
import dev.tether.WebSocketTimeoutException;
import dev.tether.protocol.FrameEncoder;
import dev.tether.protocol.InboundListener;
import dev.tether.protocol.InboundProtocol;
import dev.tether.protocol.Opcode;
import dev.tether.protocol.Role;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket connection: the blocking Zinc-style API on top of the protocol core, fed by a
 * {@link Transport} that only moves bytes. Used by the server and the client alike.
 *
 * <p>Threads: the transport pushes input from one thread at a time ({@link #onData}); complete messages
 * wait in a bounded {@link Inbox} for {@link #readMessage()}. Senders serialise on a send lock, queue
 * their frames in the {@link OutboundQueue} and wait until the transport has written them, so a send
 * never holds more than its own message and fails after the write timeout when the peer stops reading.
 * Control frames (pong, close) are queued without waiting, so the input thread never blocks.
 */
public final class WebSocketSession implements WebSocket, TransportListener {

    /** Opened/closed lines for every connection, at FINE: enable this logger to see them. */
    static final Logger CONNECTIONS = Logger.getLogger("dev.tether.connections");
    private static final Logger LOG = Logger.getLogger(WebSocketSession.class.getName());

    private final Role role;
    private final WebSocketConfig config;
    private final HandshakeInfo info;
    private final InboundProtocol inbound;
    private final FrameEncoder encoder;
    private final OutboundQueue outbound = new OutboundQueue();
    private final Inbox inbox;
    private final CloseHandshake closeHandshake = new CloseHandshake();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final AtomicBoolean transportClosed = new AtomicBoolean();
    private volatile Transport transport;
    private volatile CloseStatus closeStatus;
    /**
     * Whether {@link #closeStatus} is settled: a close frame was received (RFC 6455 §7.1.5: its code is the
     * connection's close code) or we failed the connection with a code of our own. Until then it is
     * provisional (our own close frame), and a lost connection makes it 1006.
     */
    private volatile boolean statusFinal;
    private volatile ScheduledFuture<?> closeDeadline;
    private volatile long lastPongNanos;
    private final Heartbeat heartbeat;
    private final IdleTimer idleTimer;
    /** Input thread only: a control frame completed during the current {@link #onData} call. */
    private boolean controlFrameInRead;
    /** Made once: a method reference made per readMessage call is an allocation unless inlining removes it. */
    private final Runnable resumeReading = this::resumeReading;

    /** A send's deadline not yet read off the clock (see {@link #deadline()}, which never returns it). */
    private static final long NO_DEADLINE = Long.MIN_VALUE;
    private final long writeTimeoutNanos;
    private final long readTimeoutNanos;

    /** Payloads up to this size are encoded into the outbound queue's reusable segments. */
    private static final int SMALL_FRAME_PAYLOAD = 512;
    /** Unwritten bytes a send may leave queued and return (see {@link WebSocketConfig#maxOutboundBufferBytes()}). */
    private final long outboundBudget;
    /** A fragmented send holds the send lock while it waits for the peer: trySendMessage must not wait for it. */
    private volatile boolean sendingFragments;
    /** A reader of this connection has had a {@link SendBurst}: readers must end theirs before they wait. */
    private boolean burstsHere;
    /** The thread that last read a message: the handler's, whose replies may share a write. */
    private volatile Thread reader;
    /** Frames were queued without a flush (see {@link #flushOrDefer()}). */
    private volatile boolean flushDeferred;
    /** The next session in {@link DeferredFlushes}' stack while this one waits there. */
    WebSocketSession nextDeferred;
    /** 1 while this session waits in {@link DeferredFlushes}. */
    private volatile int sweepRegistration;
    private static final AtomicIntegerFieldUpdater<WebSocketSession> SWEEP_REGISTRATION =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketSession.class, "sweepRegistration");

    public WebSocketSession(Role role, WebSocketConfig config, HandshakeInfo info) {
        this.role = Objects.requireNonNull(role, "role");
        this.config = config == null ? WebSocketConfig.defaults() : config;
        this.info = Objects.requireNonNull(info, "info");
        this.inbox = new Inbox(this.config.maxInboundBufferBytes());
        this.outboundBudget = this.config.maxOutboundBufferBytes();
        this.writeTimeoutNanos = Nanos.bounded(this.config.writeTimeout());
        this.readTimeoutNanos = Nanos.bounded(this.config.readTimeout());
        this.encoder = new FrameEncoder(role);
        this.inbound = new InboundProtocol(role, this.config.maxFrameSize(), this.config.maxMessageSize(), new Events());
        this.heartbeat = new Heartbeat(new HeartbeatPeer(), this.config.pingInterval().toMillis(),
                this.config.pongTimeout().toMillis());
        this.idleTimer = new IdleTimer(new IdlePeer(), this.config.idleTimeout().toMillis());
    }

    /** Binds the transport; input may arrive from now on. Called once. */
    public void start(Transport transport) {
        if (this.transport != null) throw new IllegalStateException("already started");
        this.transport = Objects.requireNonNull(transport, "transport");
        ConnectionStats.opened();
        CONNECTIONS.fine(() -> "WebSocket opened: " + describe());
        heartbeat.start();
        idleTimer.start();
    }

    public Role role() {
        return role;
    }

    public WebSocketConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- sending

    @Override
    public void sendMessage(String text) throws IOException {
        sendWhole(Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    @Override
    public void sendMessage(byte[] data) throws IOException {
        sendWhole(Opcode.BINARY, data, false);
    }

    @Override
    public void sendMessage(Message message) throws IOException {
        if (message.isText()) {
            sendMessage(message.text());
        } else {
            sendMessage(message.bytes());
        }
    }

    @Override
    public void sendTextFrames(Iterable<String> fragments) throws IOException {
        sendFragments(Opcode.TEXT, fragments, s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendByteFrames(Iterable<byte[]> fragments) throws IOException {
        sendFragments(Opcode.BINARY, fragments, b -> b);
    }

    private void sendWhole(Opcode opcode, byte[] payload, boolean owned) throws IOException {
        Objects.requireNonNull(payload, "message");
        // The clock is read only when the send has to wait (for the lock or for the peer): most sends do neither.
        long deadline = NO_DEADLINE;
        if (!sendLock.tryLock()) {
            deadline = deadline();
            lockForSending(deadline);
        }
        long sequence;
        boolean waitUntilWritten;
        try {
            ensureOpen();
            // A frame that wraps the caller's array must be written before the send returns: the caller may
            // reuse the array. Up to the outbound budget it is copied instead, and the send returns at once.
            boolean wraps = !owned && role == Role.SERVER;
            boolean copy = wraps && payload.length <= outboundBudget;
            waitUntilWritten = wraps && !copy;
            sequence = queueWhole(opcode, payload, copy);
        } finally {
            sendLock.unlock();
        }
        if (sequence < 0) throw closedException();
        idleTimer.activity();
        flushOrDefer();
        if (waitUntilWritten || outbound.unwrittenBytes() > outboundBudget) {
            if (deadline == NO_DEADLINE) deadline = deadline();
            awaitOutcome(waitUntilWritten ? awaitWritten(sequence, deadline) : awaitBudget(deadline));
        }
        ConnectionStats.sent();
    }

    /**
     * Queues a whole message as one frame: a small one into a segment (copied there), any other on its own,
     * a copy of the payload when {@code copy}, else wrapping it. Returns its sequence, or -1 once closed.
     */
    private long queueWhole(Opcode opcode, byte[] payload, boolean copy) {
        long sequence = payload.length <= SMALL_FRAME_PAYLOAD
                ? outbound.appendSmall(encoder, opcode, true, payload, 0, payload.length) : 0;
        if (sequence != 0) return sequence;
        return outbound.enqueueData(copy ? copiedFrame(opcode, payload) : encoder.dataFrame(opcode, true, payload, 0, payload.length));
    }

    /** A frame in one buffer of its own, the payload copied: it may be written after the send returned. */
    private ByteBuffer[] copiedFrame(Opcode opcode, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(encoder.headerLength(payload.length) + payload.length);
        encoder.dataFrameInto(frame, opcode, true, payload, 0, payload.length);
        return new ByteBuffer[] {frame.flip()};
    }

    @Override
    public boolean trySendMessage(String text) throws IOException {
        return trySend(Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    @Override
    public boolean trySendMessage(byte[] data) throws IOException {
        return trySend(Opcode.BINARY, data, false);
    }

    private boolean trySend(Opcode opcode, byte[] payload, boolean owned) throws IOException {
        Objects.requireNonNull(payload, "message");
        ensureOpen();
        // A send holds the lock only to queue its frames, except a fragmented one, which waits for the peer.
        if (!sendLock.tryLock()) {
            if (sendingFragments) return false;
            lockForSending(deadline());
        }
        long sequence;
        try {
            ensureOpen();
            if (outbound.unwrittenBytes() > outboundBudget) return false;
            sequence = queueWhole(opcode, payload, !owned && role == Role.SERVER);
        } finally {
            sendLock.unlock();
        }
        if (sequence < 0) throw closedException();
        idleTimer.activity();
        flushOrDefer();
        ConnectionStats.sent();
        return true;
    }

    /**
     * Writes now, or, on a server, leaves the frames for the next write when the sender is a handler's
     * reading thread with more messages waiting for it, on this connection or (a fan-out, {@link SendBurst})
     * on the one it reads: its sends for them will follow at once, and one write then carries them all (a
     * burst of ten small echoes costs one system call, not ten). The frames are written when the handler
     * next waits for input, when they reach the outbound budget, or within about a millisecond
     * ({@link DeferredFlushes}) if it does neither.
     */
    private void flushOrDefer() {
        if (role == Role.SERVER && outbound.unwrittenBytes() < outboundBudget) {
            if (hasMessagesFor(Thread.currentThread())) {
                defer();
                return;
            }
            // A fan-out from a handler in the midst of a burst on another connection.
            SendBurst burst = SendBurst.ongoing();
            if (burst != null && (flushDeferred || burst.defer(this))) {
                defer();
                return;
            }
        }
        flushDeferred = false;
        transport.flush();
    }

    private void defer() {
        flushDeferred = true;
        if (SWEEP_REGISTRATION.compareAndSet(this, 0, 1)) DeferredFlushes.add(this);
    }

    /** Whether messages wait to be read here by {@code thread}, the connection's reader. */
    boolean hasMessagesFor(Thread thread) {
        return reader == thread && inbox.hasMessages();
    }

    /** Writes what was left unflushed, if anything. */
    void flushIfDeferred() {
        if (flushDeferred) {
            flushDeferred = false;
            transport.flush();
        }
    }

    /** The {@link DeferredFlushes} sweep found this session waiting. */
    void flushDeferredBySweep() {
        sweepRegistration = 0; // first: a deferral from now on registers again
        flushIfDeferred();
    }

    private OutboundQueue.Outcome awaitBudget(long deadlineNanos) throws InterruptedIOException {
        try {
            return outbound.awaitUnwrittenAtMost(outboundBudget, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending");
        }
    }

    private OutboundQueue.Outcome awaitWritten(long sequence, long deadlineNanos) throws InterruptedIOException {
        try {
            return outbound.awaitWritten(sequence, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending");
        }
    }

    private void awaitOutcome(OutboundQueue.Outcome outcome) throws IOException {
        switch (outcome) {
            case WRITTEN:
                return;
            case DROPPED:
                throw closedException();
            default:
                writeTimedOut();
        }
    }

    private interface Encoding<T> {
        byte[] bytes(T fragment);
    }

    /**
     * One message, one frame per fragment; the send lock is held throughout so no other message
     * interleaves. Each frame is written before the next is queued: a huge message costs one fragment
     * of memory at a time.
     */
    private <T> void sendFragments(Opcode opcode, Iterable<T> fragments, Encoding<T> encoding) throws IOException {
        Objects.requireNonNull(fragments, "fragments");
        long deadline = deadline();
        lockForSending(deadline);
        sendingFragments = true;
        try {
            Iterator<T> it = fragments.iterator();
            Opcode next = opcode;
            if (!it.hasNext()) {
                sendFrame(opcode, true, new byte[0], deadline);
            }
            while (it.hasNext()) {
                byte[] payload = Objects.requireNonNull(encoding.bytes(it.next()), "fragment");
                boolean last = !it.hasNext();
                // Each frame gets a fresh write deadline: a huge message is limited by the peer's pace, not its size.
                sendFrame(next, last, payload, deadline());
                next = Opcode.CONTINUATION;
            }
        } finally {
            sendingFragments = false;
            sendLock.unlock();
        }
        ConnectionStats.sent();
    }

    private void sendFrame(Opcode opcode, boolean fin, byte[] payload, long deadlineNanos) throws IOException {
        ensureOpen();
        long sequence = outbound.enqueueData(encoder.dataFrame(opcode, fin, payload, 0, payload.length));
        if (sequence < 0) throw closedException();
        idleTimer.activity();
        transport.flush();
        awaitOutcome(awaitWritten(sequence, deadlineNanos));
    }

    private void lockForSending(long deadlineNanos) throws IOException {
        ensureOpen();
        try {
            if (!sendLock.tryLock(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new WebSocketTimeoutException("another send held the connection longer than the write timeout ("
                        + config.writeTimeout().toMillis() + " ms)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to send");
        }
    }

    /** The peer took nothing for a whole write timeout: it is gone or stuck, so the connection is dropped. */
    private void writeTimedOut() throws WebSocketTimeoutException {
        String reason = "write timeout: the peer took no data for " + config.writeTimeout().toMillis() + " ms";
        lose(reason, null);
        throw new WebSocketTimeoutException(reason);
    }

    private long deadline() {
        long deadline = System.nanoTime() + writeTimeoutNanos;
        return deadline == NO_DEADLINE ? deadline + 1 : deadline;
    }

    @Override
    public void ping() throws IOException {
        ensureOpen();
        byte[] payload = Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        if (!outbound.enqueueControl(encoder.controlFrame(Opcode.PING, payload))) {
            ensureOpen();
            throw new WebSocketException("too many control frames waiting to be written; the peer is not reading");
        }
        transport.flush();
    }

    /** When the last pong arrived ({@link System#nanoTime()}), or 0. */
    public long lastPongNanos() {
        return lastPongNanos;
    }

    private void ensureOpen() throws WebSocketClosedException {
        if (closeHandshake.state() != CloseHandshake.State.OPEN) throw closedException();
    }

    private WebSocketClosedException closedException() {
        CloseStatus status = closeStatus;
        return new WebSocketClosedException(status != null ? status : new CloseStatus(CloseCodes.ABNORMAL, "closed"));
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Message readMessage() throws IOException {
        return readWithin(readTimeoutNanos);
    }

    @Override
    public Message readMessage(Duration timeout) throws IOException {
        return readWithin(Nanos.bounded(timeout));
    }

    /**
     * The one body of both readMessage methods; {@link #runWith} calls it directly. Every frame between a
     * handler and the park is frozen into each idle connection's virtual-thread stack (about 0.12 KiB a
     * frame, issue #6), so the inbox parks right under it.
     */
    private Message readWithin(long timeoutNanos) throws IOException {
        Thread current = Thread.currentThread();
        if (reader != current) reader = current;
        if (!inbox.hasMessages()) {
            // About to wait for input: what this thread left unflushed, here or elsewhere, goes out first.
            flushIfDeferred();
            // Asked only after a burst here: asking makes the thread a ThreadLocal map, and an idle
            // connection's reader never has a burst (0.13 KiB of heap per idle connection, issue #6).
            if (burstsHere) SendBurst.end();
        }
        Message message = inbox.take(timeoutNanos, resumeReading);
        if (role == Role.SERVER && inbox.hasMessages()) {
            burstsHere = true;
            SendBurst.reading(this);
        }
        return message;
    }

    @Override
    public void runWith(MessageHandler handler) throws Exception {
        while (true) {
            Message message;
            try {
                message = readWithin(readTimeoutNanos);
            } catch (WebSocketTimeoutException e) {
                continue;
            } catch (WebSocketClosedException e) {
                return;
            }
            try {
                handler.onMessage(message);
            } catch (WebSocketClosedException e) {
                // The close overtook the handler's reply: the same end as one seen while reading.
                if (!isConnected()) return;
                throw e;
            }
        }
    }

    private void resumeReading() {
        Transport t = transport;
        if (t != null) t.resumeReading();
    }

    // ---------------------------------------------------------------- closing

    @Override
    public void close() {
        close(CloseCodes.NORMAL, "");
    }

    @Override
    public void close(int code, String reason) {
        if (!CloseCodes.isValidOnWire(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent (RFC 6455 §7.4)");
        }
        if (!closeHandshake.startLocal()) return;
        CloseStatus sent = new CloseStatus(code, reason);
        closeStatus = sent;
        outbound.enqueueClose(encoder.closeFrame(code, reason == null ? "" : reason));
        if (inbox.end(() -> new WebSocketClosedException(sent))) resumeReading();
        transport.flush();
        awaitPeerClose();
    }

    /** After our close frame, the peer has the close timeout to answer before the connection is dropped. */
    private void awaitPeerClose() {
        if (transportClosed.get()) return;
        closeDeadline = Timers.schedule(() -> {
            if (closeHandshake.state() != CloseHandshake.State.CLOSED) {
                lose("no close frame from the peer within " + config.closeTimeout().toMillis() + " ms", null);
            } else {
                // The handshake finished but TCP is still open (a client waits for the server to close it).
                abortTransport();
            }
        }, config.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a close deadline is still scheduled (for tests: none may outlive the connection). */
    boolean hasPendingCloseDeadline() {
        ScheduledFuture<?> deadline = closeDeadline;
        return deadline != null && !deadline.isDone();
    }

    @Override
    public boolean isConnected() {
        return closeHandshake.state() == CloseHandshake.State.OPEN && !transportClosed.get();
    }

    @Override
    public CloseStatus closeStatus() {
        return closeStatus;
    }

    /** The peer's close frame: echo it if we had not closed first, then let TCP close. */
    private void onPeerClose(int code, String reason) {
        CloseStatus received = new CloseStatus(code, reason);
        closeStatus = received;
        statusFinal = true;
        if (closeHandshake.onPeerClose()) {
            outbound.enqueueClose(encoder.closeFrame(code == CloseCodes.NO_STATUS ? CloseCodes.NO_STATUS : code, ""));
            inbox.end(() -> new WebSocketClosedException(received));
            awaitPeerClose();
        }
        // The server closes TCP as soon as the handshake is over (RFC 6455 §7.1.1); the client's
        // transport waits for the server to do so, within the close timeout.
        transport.flush();
        transport.close();
    }

    /** The peer broke the protocol: send the close code that says how, and drop the connection once it is out. */
    private void failConnection(WebSocketFailedException failure) {
        LOG.log(Level.FINE, () -> "failing " + describe() + ": " + failure.getMessage());
        if (closeHandshake.startLocal()) {
            outbound.enqueueClose(encoder.closeFrame(failure.closeCode(), failure.getMessage()));
        }
        closeHandshake.terminate();
        closeStatus = new CloseStatus(failure.closeCode(), failure.getMessage());
        statusFinal = true;
        inbox.end(() -> new WebSocketFailedException(failure.closeCode(), failure.getMessage(), failure));
        // The deadline first: a transport may report itself closed within close(), and that report is what
        // cancels the deadline.
        awaitTransportClose();
        transport.flush();
        transport.close();
    }

    /** If the transport has not closed within the close timeout (the peer does not read), abort it. */
    private void awaitTransportClose() {
        if (transportClosed.get()) return;
        closeDeadline = Timers.schedule(this::abortTransport, config.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The connection is lost (1006): no closing handshake is possible any more. */
    private void lose(String reason, Throwable cause) {
        closeHandshake.terminate();
        CloseStatus lost = new CloseStatus(CloseCodes.ABNORMAL, reason);
        if (!statusFinal) {
            closeStatus = lost;
            statusFinal = true;
        }
        inbox.end(() -> new WebSocketClosedException(lost, cause));
        abortTransport();
    }

    private void abortTransport() {
        outbound.abort();
        Transport t = transport;
        if (t != null) t.abort();
    }

    // ---------------------------------------------------------------- transport events

    @Override
    public boolean onData(ByteBuffer data) {
        if (inbox.isEnded() && closeHandshake.state() == CloseHandshake.State.CLOSED) {
            data.position(data.limit());
            return true;
        }
        try {
            controlFrameInRead = false;
            inbound.receive(data);
            // Bytes that completed no control frame carry data (perhaps a message arriving slowly in
            // fragments): activity. Pings and pongs alone must not keep an unused connection open.
            if (!controlFrameInRead) idleTimer.activity();
        } catch (WebSocketFailedException e) {
            failConnection(e);
            data.position(data.limit());
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "internal error reading " + describe());
            failConnection(new WebSocketFailedException(CloseCodes.INTERNAL_ERROR, "internal error", e));
            data.position(data.limit());
            return true;
        }
        return !inbox.pauseIfFull();
    }

    @Override
    public void onEndOfInput() {
        if (closeHandshake.state() == CloseHandshake.State.CLOSED && inbox.isEnded()) {
            // The closing handshake is over and the peer closed TCP: the normal end.
            abortTransport();
            return;
        }
        lose("the peer closed the connection without a close frame", null);
    }

    @Override
    public void onTransportFailure(Throwable cause) {
        if (closeHandshake.state() == CloseHandshake.State.CLOSED && inbox.isEnded()) {
            abortTransport();
            return;
        }
        lose("connection failed: " + cause, cause);
    }

    @Override
    public void onTransportClosed() {
        if (!transportClosed.compareAndSet(false, true)) return;
        if (!statusFinal) lose("the connection closed without a close frame", null);
        closeHandshake.terminate();
        outbound.abort();
        heartbeat.stop();
        idleTimer.stop();
        ScheduledFuture<?> deadline = closeDeadline;
        if (deadline != null) deadline.cancel(false);
        if (transport != null) ConnectionStats.closed(); // counted as open only once started
        CONNECTIONS.fine(() -> "WebSocket closed: " + describe() + " " + closeStatus);
    }

    @Override
    public OutboundQueue outbound() {
        return outbound;
    }

    private final class HeartbeatPeer implements Heartbeat.Peer {
        @Override
        public boolean sendPing() {
            if (!isConnected()) return false;
            if (outbound.enqueueControl(encoder.controlFrame(Opcode.PING, new byte[0]))) {
                transport.flush();
            }
            // A full control queue means earlier pings are still unwritten: the pong deadline still runs.
            return true;
        }

        @Override
        public void unresponsive(long waitedMillis) {
            lose("no pong from the peer within " + waitedMillis + " ms", null);
        }
    }

    private final class IdlePeer implements IdleTimer.Peer {
        @Override
        public void idle(long idleMillis) {
            if (!isConnected()) return;
            LOG.log(Level.FINE, () -> "closing " + describe() + ": no data message for " + idleMillis + " ms");
            close(CloseCodes.GOING_AWAY, "idle timeout");
        }
    }

    /** Receive-side events from the protocol core, on the transport's input thread. */
    private final class Events implements InboundListener {
        @Override
        public void onText(String text) {
            deliver(Message.text(text));
        }

        @Override
        public void onBinary(byte[] data) {
            deliver(Message.binary(data));
        }

        private void deliver(Message message) {
            ConnectionStats.received();
            idleTimer.activity();
            // After our close, the peer may still have had data in flight: the handler has said it is done.
            if (closeHandshake.state() == CloseHandshake.State.OPEN) inbox.add(message);
        }

        @Override
        public void onPing(byte[] payload) {
            controlFrameInRead = true;
            if (closeHandshake.state() == CloseHandshake.State.OPEN
                    && outbound.enqueuePong(encoder.controlFrame(Opcode.PONG, payload))) {
                transport.flush();
            }
        }

        @Override
        public void onPong(byte[] payload) {
            controlFrameInRead = true;
            lastPongNanos = System.nanoTime();
            heartbeat.onPong();
        }

        @Override
        public void onClose(int code, String reason) {
            controlFrameInRead = true;
            onPeerClose(code, reason);
        }
    }

    // ---------------------------------------------------------------- handshake information

    @Override
    public String path() {
        return info.path();
    }

    @Override
    public String query() {
        return info.query();
    }

    @Override
    public Map<String, List<String>> headers() {
        return info.headers();
    }

    @Override
    public String header(String name) {
        return info.header(name);
    }

    @Override
    public List<HttpCookie> cookies() {
        return info.cookies();
    }

    @Override
    public Principal userPrincipal() {
        return info.userPrincipal();
    }

    @Override
    public String subprotocol() {
        return info.subprotocol();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return info.remoteAddress();
    }

    private String describe() {
        return (role == Role.SERVER ? "server " : "client ") + info.path() + (info.remoteAddress() != null ? " peer " + info.remoteAddress() : "");
    }

    @Override
    public String toString() {
        return "WebSocketSession{" + describe() + ", " + (closeStatus == null ? "open" : closeStatus.toString()) + "}";
    }
}
