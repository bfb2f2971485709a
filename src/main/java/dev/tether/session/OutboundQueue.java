package dev.tether.session;

import dev.tether.protocol.FrameEncoder;
import dev.tether.protocol.Opcode;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frames waiting to be written on one connection, in wire order, and the count of their bytes.
 *
 * <p>Bounded by its senders: a sender may leave frames here without waiting for them to be written only
 * while the unwritten bytes stay within the connection's outbound budget; beyond it, it waits
 * ({@link #awaitUnwrittenAtMost}) until the peer has taken enough, or the write timeout passes. Frames that
 * wrap a caller's array are waited for until written ({@link #awaitWritten}). Control frames are capped at
 * {@link #MAX_CONTROL_FRAMES}, pongs apart at {@link #MAX_WAITING_PONGS}: a burst of pings is answered ping
 * for ping, and once that many pongs wait, a new pong replaces the latest waiting one (RFC 6455 §5.5.3
 * allows answering only the latest ping), so a ping flood cannot grow the queue.
 *
 * <p>Small data frames are {@linkplain #appendSmall appended} to one of two reusable segments, so a burst
 * of chat-sized messages costs no allocation and leaves as one buffer: the transport writes a whole burst
 * with one system call.
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

    /** The bytes of one segment: many small frames, small enough to keep two per busy connection. */
    static final int SEGMENT_BYTES = 4 * 1024;

    /** What became of data a sender waits for. */
    public enum Outcome { WRITTEN, DROPPED, TIMED_OUT }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    // Small to start with (they grow on demand): an idle connection keeps them for its whole life.
    private final ArrayDeque<ByteBuffer> control = new ArrayDeque<>(1);
    private final ArrayDeque<Object> data = new ArrayDeque<>(1);
    /** The pong queued last, while it waits: the one a pong beyond {@link #MAX_WAITING_PONGS} replaces. */
    private ByteBuffer pendingPong;
    /** The pongs among the frames in {@link #control}, by identity (buffers compare by content); made on the first pong. */
    private Set<ByteBuffer> waitingPongs = Collections.emptySet();
    /** The two segments, made on first use (an idle connection has none). */
    private Segment first;
    private Segment second;
    /** The segment at the tail of {@link #data} that still takes frames, or null. */
    private Segment open;
    private long dataFramesQueued;
    private long dataFramesWritten;
    /**
     * Data bytes queued and not yet reported written (the batch out included). Written under the lock, read
     * without it by {@link #unwrittenBytes()}: every send asks, and most need no more than that answer.
     */
    private volatile long unwrittenBytes;
    /** Data frames and bytes in the batch the transport holds: counted as written when it reports the batch done. */
    private int dataFramesInBatch;
    private long dataBytesInBatch;
    private Segment batchSegmentA;
    private Segment batchSegmentB;
    private boolean batchOut;
    private boolean closedForData;
    private boolean aborted;

    /**
     * Queues one data frame (its buffers in order). Returns its sequence number for
     * {@link #awaitWritten}, or -1 when the queue no longer takes data (a close was queued, or the
     * connection aborted).
     */
    public long enqueueData(ByteBuffer... frame) {
        long bytes = 0;
        for (ByteBuffer b : frame) bytes += b.remaining();
        lock.lock();
        try {
            if (closedForData || aborted) return -1;
            data.add(new Frame(frame, bytes));
            unwrittenBytes += bytes;
            open = null; // frames after this one must not join a segment queued before it
            return ++dataFramesQueued;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Encodes a small data frame straight into a segment (the caller's array is copied, so it may be
     * reused at once). Returns its sequence number; -1 when the queue no longer takes data; 0 when no
     * segment has room (both are queued or out): the caller then queues the frame on its own.
     */
    public long appendSmall(FrameEncoder encoder, Opcode opcode, boolean fin, byte[] payload, int offset, int length) {
        int bytes = encoder.headerLength(length) + length;
        lock.lock();
        try {
            if (closedForData || aborted) return -1;
            if (bytes > SEGMENT_BYTES) return 0;
            Segment segment = open;
            if (segment == null || segment.buffer.remaining() < bytes) {
                segment = freeSegment();
                if (segment == null) return 0;
                segment.queued = true;
                data.add(segment);
                open = segment;
            }
            encoder.dataFrameInto(segment.buffer, opcode, fin, payload, offset, length);
            segment.frames++;
            unwrittenBytes += bytes;
            return ++dataFramesQueued;
        } finally {
            lock.unlock();
        }
    }

    private Segment freeSegment() {
        if (first == null) first = new Segment();
        if (!first.queued) return first;
        if (second == null) second = new Segment();
        return second.queued ? null : second;
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
            if (waitingPongs == Collections.<ByteBuffer>emptySet()) {
                waitingPongs = Collections.newSetFromMap(new IdentityHashMap<>(MAX_WAITING_PONGS * 2));
            }
            waitingPongs.add(frame);
            pendingPong = frame;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues the close frame after the data frames already queued (a send that returned is written before
     * the close, also when the connection is failed: at most the outbound budget waits ahead of it), ahead of
     * nothing else: no data is accepted afterwards.
     */
    public boolean enqueueClose(ByteBuffer frame) {
        lock.lock();
        try {
            if (aborted || closedForData) return false;
            closedForData = true;
            open = null;
            // After the data: control frames normally overtake data, the close must not.
            data.add(new Frame(new ByteBuffer[] {frame}, 0));
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
            open = null;
            data.clear(); // segments out with the transport stay marked until it reports them written
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
            long bytes = 0;
            while (n < into.length) {
                ByteBuffer ctl = control.peek();
                if (ctl != null) {
                    control.poll();
                    waitingPongs.remove(ctl);
                    if (ctl == pendingPong) pendingPong = null;
                    into[n++] = ctl;
                    continue;
                }
                Object entry = data.peek();
                if (entry == null) break;
                if (entry instanceof Segment) {
                    Segment segment = (Segment) entry;
                    if (batchSegmentB != null) break; // both segments in this batch already: cannot happen, kept safe
                    data.poll();
                    if (open == segment) open = null;
                    into[n++] = segment.buffer.flip();
                    frames += segment.frames;
                    bytes += segment.buffer.remaining();
                    if (batchSegmentA == null) batchSegmentA = segment; else batchSegmentB = segment;
                    continue;
                }
                Frame frame = (Frame) entry;
                if (n + frame.buffers.length > into.length) break;
                data.poll();
                for (ByteBuffer b : frame.buffers) into[n++] = b;
                if (frame.bytes > 0) frames++; // the close frame (queued with 0 data bytes) is not a data frame
                bytes += frame.bytes;
            }
            if (n > 0) {
                batchOut = true;
                dataFramesInBatch = frames;
                dataBytesInBatch = bytes;
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
            if (batchSegmentA != null) {
                batchSegmentA.release();
                batchSegmentA = null;
            }
            if (batchSegmentB != null) {
                batchSegmentB.release();
                batchSegmentB = null;
            }
            if (dataFramesInBatch > 0 || dataBytesInBatch > 0) {
                dataFramesWritten += dataFramesInBatch;
                unwrittenBytes -= dataBytesInBatch;
                dataFramesInBatch = 0;
                dataBytesInBatch = 0;
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

    /** Data bytes queued and not yet written (a snapshot: senders and the transport change it at once). */
    public long unwrittenBytes() {
        return unwrittenBytes;
    }

    /** Waits until data frame {@code sequence} is written, was dropped, or the timeout passes. */
    public Outcome awaitWritten(long sequence, long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (true) {
                if (dataFramesWritten >= sequence) return Outcome.WRITTEN;
                if (aborted) return Outcome.DROPPED;
                if (remaining <= 0) return Outcome.TIMED_OUT;
                remaining = progress.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at most {@code budget} data bytes are unwritten, the connection is closing or gone
     * (DROPPED), or the timeout passes.
     */
    public Outcome awaitUnwrittenAtMost(long budget, long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (true) {
                if (unwrittenBytes <= budget) return Outcome.WRITTEN;
                // Closing: what is queued goes out ahead of the close frame if the peer reads it, within the
                // close timeout; a sender waiting for room is told the connection is closed.
                if (aborted || closedForData) return Outcome.DROPPED;
                if (remaining <= 0) return Outcome.TIMED_OUT;
                remaining = progress.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A data frame queued on its own. */
    private static final class Frame {
        final ByteBuffer[] buffers;
        final long bytes;

        Frame(ByteBuffer[] buffers, long bytes) {
            this.buffers = buffers;
            this.bytes = bytes;
        }
    }

    /** Small frames encoded one after another into one buffer, written as one. */
    private static final class Segment {
        final ByteBuffer buffer = ByteBuffer.allocate(SEGMENT_BYTES);
        int frames;
        /** In the queue or out with the transport: not free for new frames. */
        boolean queued;

        void release() {
            buffer.clear();
            frames = 0;
            queued = false;
        }
    }
}
