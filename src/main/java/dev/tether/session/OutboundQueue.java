package dev.tether.session;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frames waiting to be written on one connection, in wire order.
 *
 * <p>Bounded by construction: a data frame is queued by the sender that owns it, and that sender waits
 * (up to the write timeout) until the frame is written before it queues its next one, so the queue holds
 * at most one data frame per waiting sender, and senders queue up on the session's send lock. Control
 * frames are capped at {@link #MAX_CONTROL_FRAMES}, and a pong replaces a pong that is still waiting (RFC
 * 6455 §5.5.3 allows answering only the latest ping), so a ping flood cannot grow it.
 *
 * <p>The transport {@linkplain #take takes} batches of whole frames, so a control frame goes out between
 * two frames, never inside one. Only one batch is out at a time.
 */
public final class OutboundQueue {

    /** Control frames that may wait at once (pings we send, the close, at most one pong). */
    public static final int MAX_CONTROL_FRAMES = 16;

    /** What became of a data frame a sender waits for. */
    public enum Outcome { WRITTEN, DROPPED, TIMED_OUT }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private final ArrayDeque<ByteBuffer> control = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer[]> data = new ArrayDeque<>();
    private ByteBuffer pendingPong;
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
            if (aborted || closedForData || control.size() >= MAX_CONTROL_FRAMES) return false;
            control.add(frame);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a pong, replacing one that has not been taken yet. False once closed. */
    public boolean enqueuePong(ByteBuffer frame) {
        lock.lock();
        try {
            if (aborted || closedForData) return false;
            if (pendingPong != null && control.remove(pendingPong)) {
                control.add(frame);
            } else if (control.size() < MAX_CONTROL_FRAMES) {
                control.add(frame);
            } else {
                return false;
            }
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
