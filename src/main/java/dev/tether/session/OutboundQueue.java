package dev.tether.session;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frames waiting to be written on one connection, in wire order.
 *
 * <p>Bounded by construction: a data frame is queued by the sender that owns it, and that sender waits
 * (up to the write timeout) until the frame is written before it queues its next one, so the queue holds
 * at most one data frame per waiting sender, and senders queue up on the session's send lock. Control
 * frames are capped at {@link #MAX_CONTROL_FRAMES}, pongs apart at {@link #MAX_WAITING_PONGS}: a burst of
 * pings is answered ping for ping, and once that many pongs wait, a new pong replaces the latest waiting one
 * (RFC 6455 §5.5.3 allows answering only the latest ping), so a ping flood cannot grow the queue.
 *
 * <p>The transport {@linkplain #take takes} batches of whole frames, so a control frame goes out between
 * two frames, never inside one. Only one batch is out at a time.
 */
public final class OutboundQueue {

    /** Control frames other than pongs that may wait at once (pings we send, the close). */
    public static final int MAX_CONTROL_FRAMES = 16;

    /**
     * Pongs that may wait at once. Enough for a burst of pings that arrive in one read to be answered one
     * by one (as peers such as the Autobahn TestSuite expect), few enough that a flood costs nothing.
     */
    public static final int MAX_WAITING_PONGS = 16;

    /** What became of a data frame a sender waits for. */
    public enum Outcome { WRITTEN, DROPPED, TIMED_OUT }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private final ArrayDeque<ByteBuffer> control = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer[]> data = new ArrayDeque<>();
    /** The pong queued last, while it waits: the one a pong beyond {@link #MAX_WAITING_PONGS} replaces. */
    private ByteBuffer pendingPong;
    /** The pongs among the frames in {@link #control}, by identity (buffers compare by content). */
    private final Set<ByteBuffer> waitingPongs = Collections.newSetFromMap(new IdentityHashMap<>());
    private long dataFramesQueued;
    private long dataFramesWritten;
    /** Data frames in the batch the transport holds: counted as written when it reports the batch done. */
    private int dataFramesInBatch;
    private boolean batchOut;
    private boolean closedForData;
    private boolean aborted;

    /**
     * Queues one data frame (its buffers in order). Returns its sequence number for
     * {@link #awaitWritten}, or -1 when the queue no longer takes data (a close was queued, or the
     * connection aborted).
     */
    public long enqueueData(ByteBuffer... frame) {
        lock.lock();
        try {
            if (closedForData || aborted) return -1;
            data.add(frame);
            return ++dataFramesQueued;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a ping (or other control frame except pong and close). False when the control queue is full. */
    public boolean enqueueControl(ByteBuffer frame) {
        lock.lock();
        try {
            if (aborted || closedForData || control.size() - waitingPongs.size() >= MAX_CONTROL_FRAMES) return false;
            control.add(frame);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a pong; when {@link #MAX_WAITING_PONGS} already wait, it replaces the latest of them. False once
     * closed.
     */
    public boolean enqueuePong(ByteBuffer frame) {
        lock.lock();
        try {
            if (aborted || closedForData) return false;
            if (waitingPongs.size() >= MAX_WAITING_PONGS) {
                if (pendingPong == null || !control.removeIf(f -> f == pendingPong)) return false;
                waitingPongs.remove(pendingPong);
            }
            control.add(frame);
            waitingPongs.add(frame);
            pendingPong = frame;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues the close frame. Data frames not yet taken are dropped (nothing may follow a close), and
     * their senders are told so. Nothing but this close is accepted afterwards.
     */
    public boolean enqueueClose(ByteBuffer frame) {
        lock.lock();
        try {
            if (aborted || closedForData) return false;
            closedForData = true;
            data.clear();
            control.add(frame);
            progress.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The connection is gone: drop everything and release every waiting sender. */
    public void abort() {
        lock.lock();
        try {
            aborted = true;
            closedForData = true;
            data.clear();
            control.clear();
            waitingPongs.clear();
            pendingPong = null;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the next whole frames, in wire order, into {@code into} and returns how many buffers it
     * filled (0 when nothing is queued or a batch is already out). The transport writes them all, in
     * order, then calls {@link #written()}.
     */
    public int take(ByteBuffer[] into) {
        lock.lock();
        try {
            if (batchOut || aborted) return 0;
            int n = 0;
            int frames = 0;
            while (n < into.length) {
                ByteBuffer ctl = control.peek();
                if (ctl != null) {
                    control.poll();
                    waitingPongs.remove(ctl);
                    if (ctl == pendingPong) pendingPong = null;
                    into[n++] = ctl;
                    continue;
                }
                ByteBuffer[] frame = data.peek();
                if (frame == null || n + frame.length > into.length) break;
                data.poll();
                for (ByteBuffer b : frame) into[n++] = b;
                frames++;
            }
            if (n > 0) {
                batchOut = true;
                dataFramesInBatch = frames;
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** The batch last taken is fully written. */
    public void written() {
        lock.lock();
        try {
            batchOut = false;
            if (dataFramesInBatch > 0) {
                dataFramesWritten += dataFramesInBatch;
                dataFramesInBatch = 0;
                progress.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** True when nothing waits to be taken and no batch is out. */
    public boolean isEmpty() {
        lock.lock();
        try {
            return !batchOut && control.isEmpty() && data.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Whether data frame {@code sequence} (0: none) has been written: its buffers are free again. */
    public boolean isWritten(long sequence) {
        lock.lock();
        try {
            return dataFramesWritten >= sequence;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until data frame {@code sequence} is written, was dropped, or the timeout passes. */
    public Outcome awaitWritten(long sequence, long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (true) {
                if (dataFramesWritten >= sequence) return Outcome.WRITTEN;
                if (aborted || (closedForData && !isOut(sequence))) return Outcome.DROPPED;
                if (remaining <= 0) return Outcome.TIMED_OUT;
                remaining = progress.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether a frame is in the batch the transport holds (and so will still be written). */
    private boolean isOut(long sequence) {
        return batchOut && sequence <= dataFramesWritten + dataFramesInBatch;
    }
}
