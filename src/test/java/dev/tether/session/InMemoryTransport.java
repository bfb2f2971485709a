package dev.tether.session;

import dev.tether.protocol.InboundListener;
import dev.tether.protocol.InboundProtocol;
import dev.tether.protocol.Role;
import dev.tether.WebSocketFailedException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport with no network: what the session writes is decoded as the peer would see it, and input
 * is whatever the test pushes. It can stall (a peer that stops reading) to test write timeouts.
 */
public final class InMemoryTransport implements Transport {

    public final WebSocketSession session;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final ByteBuffer[] batch = new ByteBuffer[16];
    private boolean stalled;
    public volatile boolean closed;
    public volatile boolean aborted;
    volatile int resumes;
    /** Batches written: what would be one system call each on a network. */
    volatile int writes;

    InMemoryTransport(WebSocketSession session) {
        // A test's thread may have read from an earlier test's session with messages left unread: no send
        // of this test may wait for that burst's end.
        SendBurst.end();
        this.session = session;
        session.start(this);
    }

    public static InMemoryTransport server(dev.tether.WebSocketConfig config) {
        return new InMemoryTransport(new WebSocketSession(Role.SERVER, config, info()));
    }

    static HandshakeInfo info() {
        return new HandshakeInfo("/test", null, null, null, null, null, null);
    }

    synchronized void stall() {
        stalled = true;
    }

    synchronized void unstall() {
        stalled = false;
        flush();
    }

    @Override
    public synchronized void flush() {
        if (stalled || aborted) return;
        OutboundQueue queue = session.outbound();
        int n;
        while ((n = queue.take(batch)) > 0) {
            writes++;
            for (int i = 0; i < n; i++) {
                ByteBuffer b = batch[i];
                written.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
                b.position(b.limit());
            }
            queue.written();
        }
    }

    @Override
    public void resumeReading() {
        resumes++;
    }

    @Override
    public void close() {
        flush();
        closed = true;
        session.onTransportClosed();
    }

    @Override
    public void abort() {
        aborted = true;
        session.onTransportClosed();
    }

    /** Pushes bytes as if they came from the network; returns what the session said about reading on. */
    public boolean receive(byte[] bytes) {
        return session.onData(ByteBuffer.wrap(bytes.clone()));
    }

    synchronized byte[] writtenBytes() {
        return written.toByteArray();
    }

    /** Everything written so far, decoded as the peer (the other role) sees it. */
    public List<String> writtenEvents() throws WebSocketFailedException {
        Role peer = session.role() == Role.SERVER ? Role.CLIENT : Role.SERVER;
        Recorder recorder = new Recorder();
        new InboundProtocol(peer, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, recorder).receive(ByteBuffer.wrap(writtenBytes()));
        return recorder.events;
    }

    /** The payloads of the binary messages written so far. */
    public List<byte[]> writtenPayloads() throws WebSocketFailedException {
        Role peer = session.role() == Role.SERVER ? Role.CLIENT : Role.SERVER;
        Recorder recorder = new Recorder();
        new InboundProtocol(peer, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, recorder).receive(ByteBuffer.wrap(writtenBytes()));
        return recorder.binaries;
    }

    /** Turns events into readable strings: "text:hi", "binary:3", "ping", "pong", "close:1000:bye". */
    static final class Recorder implements InboundListener {
        final List<String> events = new ArrayList<>();
        final List<byte[]> binaries = new ArrayList<>();

        @Override
        public void onText(String text) {
            events.add("text:" + text);
        }

        @Override
        public void onBinary(byte[] data) {
            events.add("binary:" + data.length);
            binaries.add(data);
        }

        @Override
        public void onPing(byte[] payload) {
            events.add("ping");
        }

        @Override
        public void onPong(byte[] payload) {
            events.add("pong:" + new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void onClose(int code, String reason) {
            events.add("close:" + code + (reason.isEmpty() ? "" : ":" + reason));
        }
    }
}
