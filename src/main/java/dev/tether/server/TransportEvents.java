package dev.tether.server;

import dev.tether.session.TransportListener;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a transport's events to its {@link TransportListener} one call at a time, as the listener
 * contract demands, although containers report them from several threads (a read loop on an I/O
 * thread or a handler thread, an error callback, a destroy callback).
 *
 * <p>Every disconnect ends the connection the same way: of end-of-input and failure only the first
 * one reported is delivered, and {@code onTransportClosed} is delivered once, last. An event that
 * arrives while another thread (or the same thread, re-entrantly) is inside the listener is left
 * pending and delivered by that thread as soon as its call returns, so nothing is lost and nothing
 * overlaps.
 */
public final class TransportEvents {

    private static final Logger LOG = Logger.getLogger(TransportEvents.class.getName());
    private static final Object END_OF_INPUT = new Object();

    private final TransportListener listener;
    private final ReentrantLock lock = new ReentrantLock();
    /** The first of end-of-input ({@link #END_OF_INPUT}) or a failure (a Throwable). */
    private final AtomicReference<Object> ending = new AtomicReference<>();
    private volatile boolean closed;
    private volatile boolean endingDelivered;
    private volatile boolean closedDelivered;
    /** Guarded by {@link #lock}: some call into the listener is under way (possibly on this thread). */
    private boolean inListener;

    public TransportEvents(TransportListener listener) {
        this.listener = listener;
    }

    /**
     * Claims the right to hand over data. When it returns true the caller may call {@link #data} and
     * must call {@link #endRead()} afterwards, on the same thread. False when the connection is ending
     * or the current thread is already inside the listener.
     */
    public boolean beginRead() {
        lock.lock();
        if (inListener || isEnding()) {
            lock.unlock();
            // While we held the lock, an event may have found tryLock failing and left itself to us.
            deliverPending();
            return false;
        }
        inListener = true;
        return true;
    }

    /**
     * Passes bytes to the listener; only between {@link #beginRead()} and {@link #endRead()}.
     *
     * @return the listener's answer: false to pause reading (or when the listener failed)
     */
    public boolean data(ByteBuffer bytes) {
        try {
            return listener.onData(bytes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transport listener failed on incoming data", e);
            ending.compareAndSet(null, e);
            return false;
        }
    }

    /** Ends a read begun with {@link #beginRead()}, then delivers whatever became pending meanwhile. */
    public void endRead() {
        inListener = false;
        lock.unlock();
        deliverPending();
    }

    /** The peer closed its side. */
    public void endOfInput() {
        ending.compareAndSet(null, END_OF_INPUT);
        deliverPending();
    }

    /** The connection failed. */
    public void failed(Throwable cause) {
        ending.compareAndSet(null, cause);
        deliverPending();
    }

    /** The connection is closed. Nothing is delivered after this. */
    public void closed() {
        closed = true;
        deliverPending();
    }

    /** Whether readers should stop: the input ended, the connection failed or closed. */
    public boolean isEnding() {
        return closed || ending.get() != null;
    }

    /** Whether the connection failed (rather than ended cleanly or not at all): the transport should abort. */
    public boolean hasFailed() {
        return ending.get() instanceof Throwable;
    }

    /** Whether the connection was reported closed. */
    public boolean isClosed() {
        return closed;
    }

    private boolean hasUndelivered() {
        return (closed && !closedDelivered) || (ending.get() != null && !endingDelivered && !closedDelivered);
    }

    private void deliverPending() {
        // Re-check after every unlock: an event set while we held the lock found tryLock failing and
        // left its delivery to us.
        while (hasUndelivered()) {
            if (!lock.tryLock()) return;
            try {
                if (inListener) return;
                inListener = true;
                try {
                    deliverEnding();
                    deliverClosed();
                } finally {
                    inListener = false;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void deliverEnding() {
        Object end = ending.get();
        if (end == null || endingDelivered || closedDelivered) return;
        endingDelivered = true;
        try {
            if (end == END_OF_INPUT) {
                listener.onEndOfInput();
            } else {
                listener.onTransportFailure((Throwable) end);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transport listener failed on disconnect", e);
        }
    }

    private void deliverClosed() {
        if (!closed || closedDelivered) return;
        closedDelivered = true;
        try {
            listener.onTransportClosed();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transport listener failed on close", e);
        }
    }
}
