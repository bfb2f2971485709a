package dev.tether.servlet;

import dev.tether.server.ServerConnection;
import dev.tether.server.TransportEvents;
import dev.tether.session.OutboundQueue;
import dev.tether.session.Transport;
import dev.tether.session.TransportListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.WebConnection;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a WebSocket's bytes over an upgraded servlet connection, in the non-blocking style only
 * ({@link ReadListener} / {@link WriteListener}), so that an idle connection holds no thread.
 *
 * <p>Reading: the container calls {@link #onDataAvailable()}; the loop reads while the stream is
 * ready. When the listener returns false (its handler has fallen behind) the loop returns while the
 * stream is still ready, so the container calls back no more and TCP pushes back on the peer;
 * {@link #resumeReading()} carries on with the loop on the caller's thread.
 *
 * <p>Writing: one drainer at a time (idle → writing → waiting for {@link #onWritePossible()}) takes
 * batches of frames from the outbound queue and writes them while the stream is ready.
 */
public final class ServletTransport implements Transport, ReadListener, WriteListener {

    private static final Logger LOG = Logger.getLogger(ServletTransport.class.getName());
    private static final int READ_BUFFER_SIZE = 16 * 1024;
    private static final int BATCH_SIZE = 32;
    private static final int COPY_CHUNK = 64 * 1024;

    private static final int IDLE = 0;
    private static final int WRITING = 1;
    private static final int WAITING = 2;

    private static final int READING = 0;
    private static final int PAUSED = 1;
    /** The listener asked to resume before the read loop had noted that it paused. */
    private static final int RESUMED_EARLY = 2;

    private final WebConnection connection;
    private final ServletInputStream in;
    private final ServletOutputStream out;
    private final OutboundQueue outbound;
    private final TransportEvents events;
    /** The container's own per-connection processing lock, where reads off its threads need it (Tomcat). */
    private final Lock containerLock;

    private final AtomicInteger readState = new AtomicInteger(READING);

    private final AtomicInteger writeState = new AtomicInteger(IDLE);
    /** onWritePossible came while the drainer was still running: it must not park on the stale "not ready". */
    private volatile boolean writePossibleWhileWriting;
    // Owned by the thread that holds writeState == WRITING.
    private final ByteBuffer[] batch = new ByteBuffer[BATCH_SIZE];
    private int batchCount;
    private int batchIndex;
    private boolean needsFlush;
    private byte[] copyChunk;
    /** The container's stream writes whole arrays whatever range it is given (Undertow): see {@link #writeRange}. */
    private final boolean writesWholeArraysOnly;

    private volatile boolean closeRequested;
    private final AtomicBoolean connectionClosed = new AtomicBoolean();

    private ServletTransport(WebConnection connection, ServerConnection server) throws IOException {
        this.connection = connection;
        this.in = connection.getInputStream();
        this.out = connection.getOutputStream();
        TransportListener listener = server.listener();
        this.outbound = listener.outbound();
        this.events = new TransportEvents(listener);
        this.containerLock = TomcatSocket.processingLock(in);
        this.writesWholeArraysOnly = out.getClass().getName().startsWith("io.undertow.");
    }

    /**
     * Takes over an upgraded connection: registers the write listener, starts the session, then
     * registers the read listener (so that no byte reaches the session before it started, and the
     * session's first send finds the write side ready to be driven).
     */
    static ServletTransport start(WebConnection connection, ServerConnection server) throws IOException {
        ServletTransport transport = new ServletTransport(connection, server);
        transport.out.setWriteListener(transport);
        server.start(transport);
        try {
            transport.in.setReadListener(transport);
        } catch (RuntimeException e) {
            transport.events.failed(e);
            transport.abort();
            throw e;
        }
        return transport;
    }

    // ---- reading ----

    @Override
    public void onDataAvailable() {
        readLoop();
    }

    @Override
    public void onAllDataRead() {
        events.endOfInput();
    }

    @Override
    public void resumeReading() {
        while (true) {
            int state = readState.get();
            if (state == PAUSED) {
                if (readState.compareAndSet(PAUSED, READING)) {
                    readLoopOffContainerThread();
                    return;
                }
            } else if (state == READING) {
                if (readState.compareAndSet(READING, RESUMED_EARLY)) return;
            } else {
                return;
            }
        }
    }

    /**
     * The read loop on a thread of ours (the handler's, after back-pressure), holding the lock the
     * container holds while it reads this socket for itself, so that the two never read at once.
     */
    private void readLoopOffContainerThread() {
        if (containerLock == null) {
            readLoop();
            return;
        }
        containerLock.lock();
        try {
            readLoop();
        } finally {
            containerLock.unlock();
        }
    }

    private void readLoop() {
        // A callback while paused reads nothing: resumeReading() carries on, and the stream stays ready,
        // so the container calls back no more meanwhile.
        if (readState.get() == PAUSED || !events.beginRead()) return;
        // The read buffer is borrowed only while bytes are there (the session consumes every byte during
        // the call), so an idle connection holds none.
        byte[] readArray = null;
        try {
            while (!events.isEnding()) {
                if (!in.isReady()) return; // the container calls onDataAvailable when there is more
                if (readArray == null) readArray = ReadBuffers.acquire(READ_BUFFER_SIZE);
                int n = in.read(readArray);
                if (n < 0) {
                    events.endOfInput();
                    return;
                }
                if (n == 0) continue;
                if (!events.data(ByteBuffer.wrap(readArray, 0, n)) && pause()) return;
            }
        } catch (EOFException e) {
            events.endOfInput();
        } catch (IOException | IllegalStateException e) {
            if (!events.isClosed()) events.failed(e);
        } finally {
            if (readArray != null) ReadBuffers.release(readArray);
            events.endRead();
            if (events.hasFailed()) abort();
        }
    }

    /** True when reading is now paused; false when the listener already asked to resume. */
    private boolean pause() {
        if (readState.compareAndSet(READING, PAUSED)) return true;
        readState.set(READING); // RESUMED_EARLY: carry on
        return false;
    }

    // ---- writing ----

    @Override
    public void flush() {
        if (writeState.compareAndSet(IDLE, WRITING)) drain();
    }

    @Override
    public void onWritePossible() {
        if (writeState.compareAndSet(WAITING, WRITING) || writeState.compareAndSet(IDLE, WRITING)) {
            drain();
            return;
        }
        // The drainer is running and may be about to park on an isReady() that has just become stale.
        writePossibleWhileWriting = true;
        if (writeState.compareAndSet(WAITING, WRITING)) drain();
    }

    /** Writes until the queue is empty or the stream not ready. Runs only with writeState == WRITING. */
    private void drain() {
        try {
            while (true) {
                if (connectionClosed.get()) {
                    writeState.set(IDLE);
                    return;
                }
                while (batchIndex < batchCount) {
                    if (!write(batch[batchIndex])) {
                        if (parkUntilWritePossible()) continue;
                        return;
                    }
                    batch[batchIndex++] = null;
                }
                if (batchCount > 0) {
                    batchCount = 0;
                    batchIndex = 0;
                    needsFlush = true;
                    outbound.written();
                }
                batchCount = outbound.take(batch);
                if (batchCount > 0) continue;
                if (needsFlush) {
                    // Containers may hold the tail of a write back until flushed (Tomcat does).
                    if (!out.isReady()) {
                        if (parkUntilWritePossible()) continue;
                        return;
                    }
                    needsFlush = false;
                    out.flush();
                    continue;
                }
                if (closeRequested) {
                    if (!out.isReady()) { // the flush is still under way
                        if (parkUntilWritePossible()) continue;
                        return;
                    }
                    closeConnection();
                    writeState.set(IDLE);
                    return;
                }
                writeState.set(IDLE);
                // No lost wake-up: a flush() that found us WRITING left its frames to us.
                if ((outbound.isEmpty() && !closeRequested) || !writeState.compareAndSet(IDLE, WRITING)) return;
            }
        } catch (IOException | RuntimeException e) {
            writeState.set(IDLE);
            if (!connectionClosed.get()) {
                events.failed(e);
                abort();
            }
        }
    }

    /**
     * Writes what remains of one buffer while the stream is ready.
     *
     * @return true when the buffer is fully written; false when the stream stopped being ready
     */
    private boolean write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (!out.isReady()) return false;
            if (buffer.hasArray()) {
                writeRange(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                buffer.position(buffer.limit());
            } else {
                if (copyChunk == null) copyChunk = new byte[COPY_CHUNK];
                int n = Math.min(copyChunk.length, buffer.remaining());
                buffer.get(copyChunk, 0, n);
                writeRange(copyChunk, 0, n);
            }
        }
        return true;
    }

    /**
     * Writes part of an array. Undertow's upgraded stream (WildFly) ignores the offset and length in
     * non-blocking mode and writes the whole array, so there a part is handed over as an array of its own.
     */
    private void writeRange(byte[] array, int offset, int length) throws IOException {
        if (writesWholeArraysOnly && (offset != 0 || length != array.length)) {
            out.write(Arrays.copyOfRange(array, offset, offset + length));
        } else {
            out.write(array, offset, length);
        }
    }

    /**
     * The stream is not ready: hand the drain over to {@link #onWritePossible()}.
     *
     * @return true when the caller should carry on draining itself (write-possible arrived meanwhile)
     */
    private boolean parkUntilWritePossible() {
        writeState.set(WAITING);
        if (writePossibleWhileWriting) {
            writePossibleWhileWriting = false;
            return writeState.compareAndSet(WAITING, WRITING);
        }
        return false;
    }

    // ---- closing ----

    @Override
    public void close() {
        closeRequested = true;
        flush();
    }

    @Override
    public void abort() {
        closeConnection();
    }

    @Override
    public void onError(Throwable t) {
        if (isEndOfInput(t)) {
            events.endOfInput();
        } else {
            events.failed(t);
            abort();
        }
    }

    /** The container says the upgraded connection is gone ({@code HttpUpgradeHandler.destroy()}). */
    void destroyed() {
        if (connectionClosed.compareAndSet(false, true)) outbound.abort();
        events.closed();
    }

    private void closeConnection() {
        if (!connectionClosed.compareAndSet(false, true)) return;
        outbound.abort();
        try {
            connection.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing the upgraded connection failed", e);
        }
        TomcatSocket.close(in);
        events.closed();
    }

    private static boolean isEndOfInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EOFException) return true;
        }
        return false;
    }
}
