package dev.tether.testing;

import dev.tether.server.Endpoint;
import dev.tether.server.ServerConnection;
import dev.tether.server.ServerConnectionFactory;
import dev.tether.session.HandshakeInfo;
import dev.tether.session.OutboundQueue;
import dev.tether.session.Transport;
import dev.tether.session.TransportListener;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the session when testing transports alone: echoes every byte it gets, raw, and
 * records what the transport reported (and whether it ever called in twice at once).
 */
public final class RawEchoConnection implements ServerConnection, TransportListener {

    private final OutboundQueue outbound = new OutboundQueue();
    private final AtomicBoolean inCall = new AtomicBoolean();
    public final AtomicBoolean overlappingCalls = new AtomicBoolean();
    public final AtomicBoolean dataBeforeStart = new AtomicBoolean();
    public final AtomicBoolean eventAfterClosed = new AtomicBoolean();
    public final AtomicInteger endOfInputs = new AtomicInteger();
    public final AtomicInteger failures = new AtomicInteger();
    public final AtomicInteger closes = new AtomicInteger();
    public final AtomicLong bytesIn = new AtomicLong();
    public final CountDownLatch closed = new CountDownLatch(1);
    public final HandshakeInfo handshake;
    /** When positive: pause reading once this many bytes arrived, and resume from another thread a little later. */
    private final long pauseAfter;
    public final AtomicInteger pauses = new AtomicInteger();
    private volatile Transport transport;

    public RawEchoConnection(HandshakeInfo handshake, long pauseAfter) {
        this.handshake = handshake;
        this.pauseAfter = pauseAfter;
    }

    /** A factory whose connections are also put in {@code created}, for the test to look at. */
    public static ServerConnectionFactory factory(BlockingQueue<RawEchoConnection> created, long pauseAfter) {
        return (Endpoint endpoint, HandshakeInfo info) -> {
            RawEchoConnection c = new RawEchoConnection(info, pauseAfter);
            created.add(c);
            return c;
        };
    }

    public static ServerConnectionFactory factory(BlockingQueue<RawEchoConnection> created) {
        return factory(created, 0);
    }

    public static BlockingQueue<RawEchoConnection> queue() {
        return new LinkedBlockingQueue<>();
    }

    @Override
    public TransportListener listener() {
        return this;
    }

    @Override
    public void start(Transport transport) {
        this.transport = transport;
    }

    @Override
    public void close(int code, String reason) {
        transport.close();
    }

    public Transport transport() {
        return transport;
    }

    @Override
    public boolean onData(ByteBuffer data) {
        enter();
        try {
            if (transport == null) dataBeforeStart.set(true);
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            long before = bytesIn.getAndAdd(copy.length);
            outbound.enqueueData(ByteBuffer.wrap(copy));
            transport.flush();
            if (pauseAfter > 0 && before < pauseAfter && before + copy.length >= pauseAfter) {
                pauses.incrementAndGet();
                Transport t = transport;
                Thread resumer = new Thread(() -> {
                    sleep(300);
                    t.resumeReading();
                }, "test-resumer");
                resumer.setDaemon(true);
                resumer.start();
                return false;
            }
            return true;
        } finally {
            leave();
        }
    }

    @Override
    public void onEndOfInput() {
        enter();
        try {
            endOfInputs.incrementAndGet();
            transport.close();
        } finally {
            leave();
        }
    }

    @Override
    public void onTransportFailure(Throwable cause) {
        enter();
        try {
            failures.incrementAndGet();
            transport.abort();
        } finally {
            leave();
        }
    }

    @Override
    public void onTransportClosed() {
        enter();
        try {
            closes.incrementAndGet();
            closed.countDown();
        } finally {
            leave();
        }
    }

    @Override
    public OutboundQueue outbound() {
        return outbound;
    }

    private void enter() {
        if (closes.get() > 0) eventAfterClosed.set(true);
        if (!inCall.compareAndSet(false, true)) overlappingCalls.set(true);
    }

    private void leave() {
        inCall.set(false);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
