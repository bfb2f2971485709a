package dev.tether.client;

import dev.tether.session.OutboundQueue;
import dev.tether.session.TransportListener;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A stand-in session: records what the transport reports and checks that callbacks never overlap. */
final class RecordingListener implements TransportListener {

    final OutboundQueue queue = new OutboundQueue();
    final List<String> events = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger closedCount = new AtomicInteger();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final AtomicInteger inCallback = new AtomicInteger();
    volatile boolean overlapped;
    volatile Throwable failure;
    /** Decides onData's answer; true (keep reading) by default. */
    volatile java.util.function.Predicate<ByteBuffer> onData = b -> true;
    volatile Consumer<String> onEvent = e -> { };

    @Override
    public boolean onData(ByteBuffer buffer) {
        enter();
        try {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            synchronized (data) {
                data.write(bytes, 0, bytes.length);
                data.notifyAll();
            }
            // The session may scribble on the buffer (it unmasks in place): the transport must not care.
            while (buffer.hasRemaining()) buffer.put((byte) 0);
            return onData.test(ByteBuffer.wrap(bytes));
        } finally {
            leave();
        }
    }

    @Override
    public void onEndOfInput() {
        event("end");
    }

    @Override
    public void onTransportFailure(Throwable cause) {
        failure = cause;
        event("failure");
    }

    @Override
    public void onTransportClosed() {
        closedCount.incrementAndGet();
        event("closed");
        closed.countDown();
    }

    @Override
    public OutboundQueue outbound() {
        return queue;
    }

    private void event(String name) {
        enter();
        try {
            events.add(name);
            onEvent.accept(name);
        } finally {
            leave();
        }
    }

    private void enter() {
        if (inCallback.incrementAndGet() != 1) overlapped = true;
    }

    private void leave() {
        inCallback.decrementAndGet();
    }

    /** Everything received so far, as text. */
    String text() {
        synchronized (data) {
            return data.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** Waits until the received text has at least {@code length} characters. */
    String awaitText(int length) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (data) {
            while (data.size() < length) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) throw new AssertionError("only received: " + text());
                data.wait(left);
            }
            return text();
        }
    }

    void awaitClosed() throws InterruptedException {
        if (!closed.await(20, TimeUnit.SECONDS)) throw new AssertionError("transport never reported closed: " + events);
    }
}
