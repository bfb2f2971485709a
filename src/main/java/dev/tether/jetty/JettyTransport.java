package dev.tether.jetty;

import dev.tether.server.ServerConnection;
import dev.tether.server.TransportEvents;
import dev.tether.session.OutboundQueue;
import dev.tether.session.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Moves a WebSocket's bytes over a Jetty 12 {@link EndPoint} taken over with Jetty's own connection
 * upgrade (Jetty's servlet upgrade is defective, see {@link JettyUpgrade}).
 *
 * <p>The Jetty side is a {@link UpgradedConnection}, kept apart from this {@link Transport} because
 * both interfaces have a {@code close()} that means something else: Jetty's closes now, Tether's
 * closes once everything queued is written.
 *
 * <p>Reading fills a pooled buffer only while bytes are there, so an idle connection holds neither a
 * thread nor a buffer. Writing is driven by an {@link IteratingCallback}: one gathering write at a
 * time, and a flush that arrives meanwhile is not lost.
 */
public final class JettyTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(JettyTransport.class.getName());
    /** Borrowed per read burst, so its size costs an idle connection nothing; a big message needs 4 times fewer reads than at 16 KiB. */
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    private static final int BATCH_SIZE = 32;

    private static final int READING = 0;
    private static final int PAUSED = 1;
    /** The listener asked to resume before the read loop had noted that it paused. */
    private static final int RESUMED_EARLY = 2;

    private final ServerConnection server;
    private final OutboundQueue outbound;
    private final TransportEvents events;
    private final ByteBufferPool pool;
    private final Executor executor;
    private final UpgradedConnection connection;
    private final Flusher flusher = new Flusher();
    private final AtomicInteger readState = new AtomicInteger(READING);
    private final AtomicBoolean endPointClosed = new AtomicBoolean();
    private volatile boolean closeRequested;
    /** The session was started: only then may it hear of the connection's end. */
    private volatile boolean opened;
    /** Bytes that came in with the upgrade request, handed over by Jetty before onOpen. */
    private ByteBuffer earlyBytes;

    JettyTransport(EndPoint endPoint, Executor executor, ByteBufferPool pool, ServerConnection server) {
        this.server = server;
        this.outbound = server.listener().outbound();
        this.events = new TransportEvents(server.listener());
        this.pool = pool;
        this.executor = executor;
        this.connection = new UpgradedConnection(endPoint, executor);
    }

    /** The Jetty connection that takes over the endpoint after the 101 response. */
    Connection connection() {
        return connection;
    }

    // ---- reading ----

    private void opened() {
        // Tether has its own timeouts (read, write, close, heartbeat); Jetty's idle timeout would cut
        // every quiet WebSocket after the connector's idle time.
        connection.getEndPoint().setIdleTimeout(0);
        opened = true;
        server.start(this);
        ByteBuffer early = earlyBytes;
        earlyBytes = null;
        if (early != null && !deliverEarly(early)) return;
        if (!events.isEnding()) connection.fillInterested();
    }

    /** Hands over the early bytes; true when reading should go on. */
    private boolean deliverEarly(ByteBuffer early) {
        if (!events.beginRead()) return false;
        boolean paused;
        try {
            paused = !events.data(early) && pause();
        } finally {
            events.endRead();
        }
        if (events.hasFailed()) {
            abort();
            return false;
        }
        return !paused;
    }

    private void fill() {
        if (!events.beginRead()) return;
        RetainableByteBuffer pooled = pool.acquire(READ_BUFFER_SIZE, false);
        ByteBuffer buffer = pooled.getByteBuffer();
        boolean wantMore = false;
        try {
            while (!events.isEnding()) {
                BufferUtil.clear(buffer);
                int n = connection.getEndPoint().fill(buffer); // appends after the limit (flush mode)
                if (n < 0) {
                    events.endOfInput();
                    break;
                }
                if (n == 0) {
                    wantMore = true;
                    break;
                }
                if (!events.data(buffer) && pause()) break;
            }
        } catch (IOException | RuntimeException e) {
            if (!events.isClosed()) events.failed(e);
        } finally {
            pooled.release();
            events.endRead();
        }
        // Outside the read section: interest may be served at once, even on this thread.
        if (events.hasFailed()) {
            abort();
        } else if (wantMore && !events.isEnding()) {
            connection.fillInterested();
        }
    }

    /** True when reading is now paused; false when the listener already asked to resume. */
    private boolean pause() {
        if (readState.compareAndSet(READING, PAUSED)) return true;
        readState.set(READING);
        return false;
    }

    @Override
    public void resumeReading() {
        while (true) {
            int state = readState.get();
            if (state == PAUSED) {
                if (readState.compareAndSet(PAUSED, READING)) {
                    // Fill on a Jetty thread: bytes may be waiting already (in the socket or in TLS buffers).
                    executor.execute(this::fill);
                    return;
                }
            } else if (state == READING) {
                if (readState.compareAndSet(READING, RESUMED_EARLY)) return;
            } else {
                return;
            }
        }
    }

    // ---- writing ----

    @Override
    public void flush() {
        flusher.iterate();
    }

    /**
     * The JDK copies a heap buffer into a temporary direct buffer on every write, all of what remains, and a
     * socket takes a few MiB per write: a 16 MiB frame written whole would be copied over and over. Buffers
     * larger than this are written a slice at a time.
     */
    private static final int WRITE_SLICE = 256 * 1024;

    /** Writes batches of frames, one gathering write at a time. */
    private final class Flusher extends IteratingCallback {
        private final ByteBuffer[] batch = new ByteBuffer[BATCH_SIZE];
        private final ByteBuffer[] single = new ByteBuffer[1];
        /** Buffers of the batch taken; {@link #next} is the first not yet written. */
        private int batchSize;
        private int next;
        /** The large buffer a slice is out of, and the slice (a view: it moves, the buffer does not). */
        private ByteBuffer sliced;
        private ByteBuffer slice;

        @Override
        protected Action process() {
            if (slice != null) {
                sliced.position(slice.position());
                slice = null;
                sliced = null;
            }
            single[0] = null;
            if (batchSize > 0) {
                while (next < batchSize && !batch[next].hasRemaining()) next++;
                if (next == batchSize) {
                    Arrays.fill(batch, 0, batchSize, null);
                    batchSize = 0;
                    next = 0;
                    outbound.written();
                } else if (!endPointClosed.get()) {
                    return writeNext();
                }
            }
            if (endPointClosed.get()) return Action.IDLE;
            batchSize = outbound.take(batch);
            if (batchSize > 0) {
                next = 0;
                return writeNext();
            }
            if (closeRequested) closeEndPoint();
            return Action.IDLE;
        }

        /** Writes the rest of the batch up to its next large buffer, of which one slice. */
        private Action writeNext() {
            int end = next;
            while (end < batchSize && batch[end].remaining() <= WRITE_SLICE) end++;
            int count = end - next;
            if (end < batchSize) {
                sliced = batch[end];
                slice = sliced.duplicate();
                slice.limit(slice.position() + WRITE_SLICE);
                count++;
            }
            // Jetty writes every element of the array it is given: one of exactly count. The common batch
            // (a burst of small frames in one segment) is one buffer, and reuses an array; one write is out at a time.
            ByteBuffer[] buffers = count == 1 ? single : new ByteBuffer[count];
            System.arraycopy(batch, next, buffers, 0, end - next);
            if (slice != null) buffers[count - 1] = slice;
            connection.getEndPoint().write(this, buffers);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            if (!endPointClosed.get()) {
                events.failed(cause);
                JettyTransport.this.abort();
            }
        }
    }

    // ---- closing ----

    @Override
    public void close() {
        closeRequested = true;
        flusher.iterate();
    }

    @Override
    public void abort() {
        closeEndPoint();
    }

    private void closeEndPoint() {
        if (!endPointClosed.compareAndSet(false, true)) return;
        outbound.abort();
        connection.getEndPoint().close(); // Jetty then calls onClose, which reports the close
    }

    private void closed() {
        endPointClosed.set(true);
        outbound.abort();
        // Closed before onOpen (the endpoint died during the upgrade): the session never started and must
        // not hear of an end; the server forgets it after its start deadline.
        if (opened) events.closed();
    }

    /**
     * The Jetty side: receives the endpoint's events after the upgrade. Non-blocking for Jetty: reading
     * only hands bytes to the session, which never blocks on input (messages wait in its bounded inbox for
     * the handler's thread; replies are queued), so Jetty may call {@link #onFillable()} on its selector
     * thread instead of handing every read to a pool thread first (a thread switch per read: the load
     * benchmark's 64-byte echo over 100 connections went from 0.7 to about 1.0 times Jetty's own WebSocket).
     */
    private final class UpgradedConnection extends AbstractConnection.NonBlocking implements Connection.UpgradeTo {

        UpgradedConnection(EndPoint endPoint, Executor executor) {
            super(endPoint, executor);
        }

        @Override
        public void onUpgradeTo(ByteBuffer buffer) {
            // Called before onOpen, with a buffer Jetty takes back afterwards: keep a copy.
            ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
            copy.put(buffer).flip();
            earlyBytes = copy;
        }

        @Override
        public void onOpen() {
            super.onOpen();
            try {
                opened();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "starting the WebSocket failed", e);
                events.failed(e);
                abort();
            }
        }

        @Override
        public void onFillable() {
            fill();
        }

        @Override
        public void onFillInterestedFailed(Throwable cause) {
            if (!events.isClosed()) {
                events.failed(cause);
                abort();
            }
        }

        @Override
        public boolean onIdleExpired(TimeoutException timeout) {
            return false; // Tether's own timeouts apply, not Jetty's
        }

        @Override
        public void onClose(Throwable cause) {
            try {
                closed();
            } finally {
                super.onClose(cause);
            }
        }

        @Override
        public void close() {
            abort(); // Jetty closing the connection (server stop) means now
        }
    }
}
