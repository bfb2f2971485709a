package dev.tether.client;

import dev.tether.WebSocketConfig;
import dev.tether.WebSocketTimeoutException;
import dev.tether.session.OutboundQueue;
import dev.tether.session.Threads;
import dev.tether.session.Transport;
import dev.tether.session.TransportListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client's transport: a blocking socket (plain or TLS) moved by one reader thread and by whichever
 * thread flushes.
 *
 * <p>Reading: one thread (virtual where the JVM has them) reads into a reused buffer and hands it to the
 * session; when the session says it has enough, the thread waits for {@link #resumeReading()}, and TCP
 * flow control holds the server back. Every listener callback comes from this thread, so they never
 * overlap, and it reports {@link TransportListener#onTransportClosed()} last, exactly once.
 *
 * <p>Writing: {@link #flush()} drains the session's queue on the calling thread with blocking writes,
 * one drainer at a time. A blocking socket write cannot time out by itself, so a watchdog closes the
 * socket when one write makes no progress for the configured write timeout.
 *
 * <p>Closing: the client waits for the server to close TCP first (RFC 6455 §7.1.1, so the server, not
 * the client, carries TIME_WAIT), at most the close timeout.
 */
final class SocketTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(SocketTransport.class.getName());
    /** Largest piece handed to one socket write, so the watchdog judges progress, not total size. */
    private static final int WRITE_CHUNK = 64 * 1024;
    private static final int BATCH = 32;

    private final ClientSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final TransportListener listener;
    private final long writeTimeoutNanos;
    private final long closeTimeoutNanos;
    private final String peer;

    private final AtomicBoolean socketClosed = new AtomicBoolean();
    private final CountDownLatch socketClosedLatch = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closing;
    private volatile boolean inputEnded;
    /** The first write failure; reported by the reader thread so callbacks never overlap. */
    private volatile Throwable writeFailure;
    private volatile ScheduledFuture<?> closeTimer;

    private final ReentrantLock drainLock = new ReentrantLock();
    private final AtomicBoolean flushWanted = new AtomicBoolean();
    private final ByteBuffer[] batch = new ByteBuffer[BATCH];
    private byte[] scratch;

    private final ReentrantLock pauseLock = new ReentrantLock();
    private final Condition resumed = pauseLock.newCondition();
    private boolean resumeSignalled;

    SocketTransport(ClientSocket socket, TransportListener listener, WebSocketConfig config, String peer) {
        this.socket = socket;
        this.in = socket.in();
        this.out = socket.out();
        this.listener = listener;
        this.writeTimeoutNanos = config.writeTimeout().toNanos();
        this.closeTimeoutNanos = config.closeTimeout().toNanos();
        this.peer = peer;
    }

    /** Starts the reader thread. Call once the session can take data. */
    void startReading() {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("already reading");
        Threads.start("tether-client-reader", this::readLoop);
    }

    // ---------------------------------------------------------------- reading

    private void readLoop() {
        Throwable failure = null;
        try {
            byte[] bytes = new byte[SocketConnector.BUFFER_SIZE];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (!socketClosed.get()) {
                int n = in.read(bytes);
                if (n < 0) {
                    inputEnded = true;
                    break;
                }
                if (n == 0) continue;
                buffer.clear().limit(n);
                setResumeSignalled(false);
                if (!listener.onData(buffer)) awaitResume();
            }
        } catch (IOException e) {
            if (!socketClosed.get()) failure = e; // an error after we closed the socket is only the echo of that
        } catch (InterruptedException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "WebSocket session failed on data from " + peer, e);
            failure = e;
        }
        if (failure == null) failure = writeFailure;
        try {
            if (failure != null) {
                closeSocket();
                listener.onTransportFailure(failure);
            } else if (inputEnded) {
                listener.onEndOfInput();
                if (closing) closeSocket(); // the closing handshake is over: the server closed first
                awaitSocketClosed();
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "WebSocket session failed at the end of the connection to " + peer, e);
        } finally {
            closeSocket();
            listener.outbound().abort();
            listener.onTransportClosed();
        }
    }

    private void setResumeSignalled(boolean value) {
        pauseLock.lock();
        try {
            resumeSignalled = value;
        } finally {
            pauseLock.unlock();
        }
    }

    /** Waits for {@link #resumeReading()} (or the end of the connection). */
    private void awaitResume() throws InterruptedException {
        pauseLock.lock();
        try {
            while (!resumeSignalled && !socketClosed.get()) resumed.await();
        } finally {
            pauseLock.unlock();
        }
    }

    /** The server closed its side; the session now closes or aborts. Give it the close timeout, no more. */
    private void awaitSocketClosed() {
        try {
            if (!socketClosedLatch.await(closeTimeoutNanos, TimeUnit.NANOSECONDS)) {
                LOG.fine(() -> "no close after the end of input from " + peer + ", dropping the connection");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void resumeReading() {
        pauseLock.lock();
        try {
            resumeSignalled = true;
            resumed.signalAll();
        } finally {
            pauseLock.unlock();
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void flush() {
        flushWanted.set(true);
        // Whoever holds the lock drains; a flush that finds it taken leaves its wish in flushWanted, and
        // the holder looks at it again after unlocking, so no queued frame is left behind.
        while (flushWanted.get()) {
            if (!drainLock.tryLock()) return;
            try {
                flushWanted.set(false);
                drain();
            } finally {
                drainLock.unlock();
            }
        }
    }

    private void drain() {
        OutboundQueue queue = listener.outbound();
        while (!socketClosed.get()) {
            int n = queue.take(batch);
            if (n == 0) return;
            try {
                for (int i = 0; i < n; i++) write(batch[i]);
                out.flush();
            } catch (IOException e) {
                writeFailed(e);
                return;
            } finally {
                java.util.Arrays.fill(batch, 0, n, null);
            }
            queue.written();
        }
    }

    private void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            int length = Math.min(buffer.remaining(), WRITE_CHUNK);
            byte[] array;
            int offset;
            if (buffer.hasArray()) {
                array = buffer.array();
                offset = buffer.arrayOffset() + buffer.position();
            } else {
                if (scratch == null) scratch = new byte[WRITE_CHUNK];
                buffer.duplicate().get(scratch, 0, length);
                array = scratch;
                offset = 0;
            }
            ScheduledFuture<?> watchdog = ClientScheduler.schedule(this::writeStalled, writeTimeoutNanos);
            try {
                out.write(array, offset, length);
            } finally {
                watchdog.cancel(false);
            }
            buffer.position(buffer.position() + length);
        }
    }

    private void writeStalled() {
        fail(new WebSocketTimeoutException("a write to " + peer + " made no progress within "
                + TimeUnit.NANOSECONDS.toMillis(writeTimeoutNanos) + " ms; dropping the connection"));
    }

    private void writeFailed(IOException e) {
        // When the watchdog closed the socket, its timeout is the real story, not "socket closed".
        if (!socketClosed.get()) fail(e);
    }

    private void fail(Throwable cause) {
        if (writeFailure == null) writeFailure = cause;
        listener.outbound().abort(); // release every sender waiting on a frame that will never go out
        closeSocket();
    }

    // ---------------------------------------------------------------- closing

    @Override
    public void close() {
        if (closing) return; // the session may end the handshake from more than one path
        closing = true;
        flush();
        if (inputEnded) {
            closeSocket();
        } else if (!socketClosed.get()) {
            closeTimer = ClientScheduler.schedule(this::closeSocket, closeTimeoutNanos);
            if (socketClosed.get()) closeTimer.cancel(false);
        }
    }

    @Override
    public void abort() {
        listener.outbound().abort();
        closeSocket();
    }

    /** Whether the socket is closed (by us; a peer's close shows as the end of input). */
    boolean isSocketClosed() {
        return socketClosed.get();
    }

    private void closeSocket() {
        if (!socketClosed.compareAndSet(false, true)) return;
        socket.closeNow();
        ScheduledFuture<?> timer = closeTimer;
        if (timer != null) timer.cancel(false);
        socketClosedLatch.countDown();
        pauseLock.lock();
        try {
            resumed.signalAll();
        } finally {
            pauseLock.unlock();
        }
    }
}
